/**
 * A short Word compilation text built in the test: a chapeau, a bracketed italic opening, nested
 * brackets, an inline option set, a whole-paragraph option with "No text", an editorial note and a
 * footnote, as a chair's office would type them in Word.
 */
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';

export async function negotiationDocx(): Promise<Buffer> {
  const numbered = (text: string) =>
    new Paragraph({ text, numbering: { reference: 'operative', level: 0 } });
  const document = new Document({
    footnotes: { 1: { children: [new Paragraph('Taken from an earlier declaration.')] } },
    numbering: {
      config: [
        {
          reference: 'operative',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph('The General Assembly,'),
          new Paragraph({
            children: [
              new TextRun({ text: 'Recalling', italics: true }),
              new TextRun(' [the [high] costs of heat] in cities,'),
              new FootnoteReferenceRun(1),
            ],
          }),
          new Paragraph({
            children: [
              new TextRun('['),
              new TextRun({ text: 'Noting with concern', italics: true }),
              new TextRun(' that heat harms outdoor workers first,]'),
            ],
          }),
          new Paragraph({ text: 'Commitments', heading: HeadingLevel.HEADING_1 }),
          numbered('Parties [Option 1: shall] [Option 2: should] act on heat;'),
          numbered('Option 1: Decide to open cooling centres;'),
          new Paragraph('Option 2: No text'),
          new Paragraph('[Note: the secretariat will add the annex before the next session.]'),
          numbered('Invite cities to share data.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
