// The answer form sends only the questions taken up, with the paragraphs ticked; the option bars
// say their figures in words beside the drawing.
import type { ConsultationParagraph, ConsultationQuestion } from '@accord/shared';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderInDraft } from '../test-support/providers.js';
import { AnswerForm } from './AnswerForm.js';
import { OptionBars } from './Charts.js';

const questions: ConsultationQuestion[] = [
  { questionId: 'q1', kind: 'open', prompt: 'What would you change?', options: [] },
  {
    questionId: 'q2',
    kind: 'single',
    prompt: 'Is the scope right?',
    options: [
      { optionId: 'o1', label: 'Too narrow' },
      { optionId: 'o2', label: 'About right' },
    ],
  },
  {
    questionId: 'q3',
    kind: 'multiple',
    prompt: 'Which themes?',
    options: [
      { optionId: 'o1', label: 'Water' },
      { optionId: 'o2', label: 'Shade' },
    ],
  },
];
const paragraphs: ConsultationParagraph[] = [
  { paragraphId: '01JD0000000000000000000P01', ref: 'PP 1', text: 'Recalling,' },
  { paragraphId: '01JD0000000000000000000P02', ref: 'OP 1', text: 'Decides.' },
];

describe('the answer form', () => {
  it('sends the questions answered, with their paragraphs, and leaves the others out', async () => {
    const onSubmit = vi.fn();
    renderInDraft(
      <AnswerForm questions={questions} paragraphs={paragraphs} busy={false} onSubmit={onSubmit} />,
    );
    const send = screen.getByRole('button', { name: 'Send my answer' });
    expect((send as HTMLButtonElement).disabled).toBe(true);
    const open = screen.getByRole('group', { name: '1. What would you change?' });
    await userEvent.type(open.querySelector('textarea')!, 'Name the heat.');
    await userEvent.click(open.querySelector('summary')!);
    await userEvent.click(screen.getAllByRole('checkbox', { name: 'OP 1' })[0]!);
    await userEvent.click(screen.getByRole('radio', { name: 'About right' }));
    await userEvent.click(send);
    expect(onSubmit).toHaveBeenCalledWith([
      {
        questionId: 'q1',
        text: 'Name the heat.',
        optionIds: [],
        paragraphIds: ['01JD0000000000000000000P02'],
      },
      { questionId: 'q2', text: null, optionIds: ['o2'], paragraphIds: [] },
    ]);
  });
});

describe('the option bars', () => {
  it('give each option its count and share in words', () => {
    renderInDraft(
      <OptionBars
        label="Is the scope right?"
        of={4}
        options={[
          { optionId: 'o1', label: 'Too narrow', count: 1 },
          { optionId: 'o2', label: 'About right', count: 3 },
        ]}
      />,
    );
    expect(screen.getByText('1 (25%)')).toBeTruthy();
    expect(screen.getByText('3 (75%)')).toBeTruthy();
  });
});
