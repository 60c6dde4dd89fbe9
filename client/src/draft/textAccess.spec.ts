import { describe, expect, it } from 'vitest';
import { textAccess } from './textAccess.js';

describe('who may type in the text', () => {
  it('mirrors the permission matrix with the document’s mode', () => {
    expect(textAccess('delegate', 'open-drafting', false, false)).toEqual({
      editable: true,
      reason: null,
    });
    expect(textAccess('delegate', 'formal', false, false)).toEqual({
      editable: false,
      reason: 'readOnly.formal',
    });
    expect(textAccess('chair', 'formal', false, false).editable).toBe(true);
    expect(textAccess('observer', 'open-drafting', false, false)).toEqual({
      editable: false,
      reason: 'readOnly.role',
    });
    expect(textAccess('civil-society', 'open-drafting', false, false).reason).toBe('readOnly.role');
  });

  it('closes the text once adopted, and after the server refused a change', () => {
    expect(textAccess('chair', 'open-drafting', true, false).reason).toBe('readOnly.adopted');
    expect(textAccess('delegate', 'open-drafting', false, true)).toEqual({
      editable: false,
      reason: 'readOnly.refused',
    });
  });
});
