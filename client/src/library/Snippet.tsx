// A search hit's snippet: the server marks matched words with U+0002 … U+0003; they are drawn as
// <mark>, and nothing in the text is ever read as HTML.
const OPEN = '\u0002';
const CLOSE = '\u0003';

export function Snippet({ text }: { text: string }) {
  const parts = text.split(OPEN).flatMap((chunk, i) => {
    if (i === 0) return [{ marked: false, text: chunk }];
    const [marked = '', rest = ''] = chunk.split(CLOSE);
    return [
      { marked: true, text: marked },
      { marked: false, text: rest },
    ];
  });
  return (
    <span dir="auto">
      {parts.map((part, i) =>
        part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </span>
  );
}
