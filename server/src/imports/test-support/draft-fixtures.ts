/**
 * Drafts as a chair's office sends them, built in the test: a Word zero draft (title, symbol,
 * heading styles, italic preambular openings, Word-numbered operative paragraphs with lettered
 * sub-paragraphs, a table, a picture, an empty paragraph) and the same kind of draft in Markdown.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';

/** A paragraph as the import gives it when the draft has no brackets, options or footnotes. */
export const unmarked = <P extends { kind: string; text: string }>(paragraph: P) => ({
  ...paragraph,
  brackets: [],
  inlineOptions: [],
  footnotes: [],
});

/** A 1×1 transparent PNG. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export const WORD_DRAFT = {
  title: 'Zero draft of the Compact on Cool Cities',
  symbol: 'A/CONF.999/1',
  /** What the import should produce, in order. */
  paragraphs: [
    { kind: 'heading', text: 'Preamble' },
    {
      kind: 'preambular',
      text: 'Recalling the commitments already made on climate adaptation and urban health,',
    },
    {
      kind: 'preambular',
      text: 'Noting with concern that heat kills more people than any other weather hazard,',
    },
    { kind: 'heading', text: 'Commitments' },
    { kind: 'operative', text: 'Decides to establish heat action plans that include:' },
    { kind: 'subparagraph', text: 'early warnings issued three days ahead;' },
    { kind: 'subparagraph', text: 'cooling centres open to everyone;' },
    { kind: 'operative', text: 'Requests the secretariat to report on progress every two years;' },
    { kind: 'operative', text: 'Encourages cities to plant trees along the hottest streets.' },
  ],
} as const;

export async function wordDraft(): Promise<Buffer> {
  const numbered = (text: string, level: 0 | 1) =>
    new Paragraph({ text, numbering: { reference: 'operative', level } });
  const document = new Document({
    numbering: {
      config: [
        {
          reference: 'operative',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            {
              level: 1,
              format: LevelFormat.LOWER_LETTER,
              text: '(%2)',
              alignment: AlignmentType.START,
            },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: WORD_DRAFT.title, heading: HeadingLevel.TITLE }),
          new Paragraph({ text: WORD_DRAFT.symbol, alignment: AlignmentType.RIGHT }),
          new Paragraph({ text: 'Preamble', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun({ text: 'Recalling', italics: true }),
              new TextRun(' the commitments already made on climate adaptation and urban health,'),
            ],
          }),
          new Paragraph({ text: '' }),
          new Paragraph({
            children: [
              new TextRun({ text: 'Noting with concern', italics: true }),
              new TextRun(' that heat kills more people than any other weather hazard,'),
            ],
          }),
          new Paragraph({
            children: [
              new ImageRun({
                type: 'png',
                data: PIXEL,
                transformation: { width: 10, height: 10 },
                altText: { name: 'Heat map', description: 'Heat map', title: 'Heat map' },
              }),
            ],
          }),
          new Paragraph({ text: 'Commitments', heading: HeadingLevel.HEADING_1 }),
          numbered('Decides to establish heat action plans that include:', 0),
          numbered('early warnings issued three days ahead;', 1),
          numbered('cooling centres open to everyone;', 1),
          numbered('Requests the secretariat to report on progress every two years;', 0),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('City')] }),
                  new TableCell({ children: [new Paragraph('Hot days')] }),
                ],
              }),
            ],
          }),
          // Typed numbering, as in a draft pasted from e-mail.
          new Paragraph({
            children: [
              new TextRun('OP 3. '),
              new TextRun({ text: 'Encourages', italics: true }),
              new TextRun(' cities to plant trees along the hottest streets.'),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

export const MARKDOWN_DRAFT = `# Zero draft of the Compact on Cool Cities

A/CONF.999/2

## Preamble

*Recognizing* that heatwaves are growing longer and more frequent,

PP 2. *Mindful* that cities differ in their means to respond,

## Commitments

1. Commit to establish heat early-warning systems that include:
   (a) alerts in the languages residents speak;
   (b) pre-agreed public health measures;
2. Encourage local authorities to open cooling centres, including:
   - in libraries and community centres;
   - in transport hubs;

| City | Hot days |
| ---- | -------- |
| A    | 30       |

OP 3 Urge developed countries to scale up finance for adaptation;

![A heat map](map.png)

\`\`\`
notes to self
\`\`\`
`;

export const MARKDOWN_EXPECTED = [
  { kind: 'heading', text: 'Preamble' },
  { kind: 'preambular', text: 'Recognizing that heatwaves are growing longer and more frequent,' },
  { kind: 'preambular', text: 'Mindful that cities differ in their means to respond,' },
  { kind: 'heading', text: 'Commitments' },
  { kind: 'operative', text: 'Commit to establish heat early-warning systems that include:' },
  { kind: 'subparagraph', text: 'alerts in the languages residents speak;' },
  { kind: 'subparagraph', text: 'pre-agreed public health measures;' },
  { kind: 'operative', text: 'Encourage local authorities to open cooling centres, including:' },
  { kind: 'subparagraph', text: 'in libraries and community centres;' },
  { kind: 'subparagraph', text: 'in transport hubs;' },
  { kind: 'operative', text: 'Urge developed countries to scale up finance for adaptation;' },
] as const;
