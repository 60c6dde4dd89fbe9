// JSON: the record the model was built from (the frame, the comparison), pretty-printed; big
// integers (log positions) as decimal strings, as the API sends them.
import type { ExportModel } from '../model.js';

export function renderJson(model: ExportModel): Buffer {
  const json = JSON.stringify(
    model.source ?? model,
    (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value),
    2,
  );
  return Buffer.from(`${json}\n`, 'utf8');
}
