import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';

/** Largest file an import accepts. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/**
 * Reads an import upload (multipart: `file`, `mode` = all | valid_only, `dryRun` = true | false).
 * A dry run is the default, so a form that forgets the flag never imports by accident.
 */
export async function readUpload(request: FastifyRequest) {
  if (!request.isMultipart()) throw new AppError('V_UNSUPPORTED_MEDIA_TYPE');
  let file: { filename: string; data: Buffer } | undefined;
  const fields: Record<string, string> = {};
  for await (const part of request.parts({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } })) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      if (part.file.truncated) throw new AppError('V_BODY_TOO_LARGE');
      file = { filename: part.filename, data };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  const mode =
    fields.mode === 'valid_only'
      ? 'valid_only'
      : fields.mode === 'all' || fields.mode === undefined
        ? 'all'
        : undefined;
  if (!file || !mode || !['true', 'false', undefined].includes(fields.dryRun)) {
    throw new AppError('V_VALIDATION', {
      fields: [
        ...(file ? [] : [{ path: 'file', code: 'required' }]),
        ...(mode ? [] : [{ path: 'mode', code: 'invalid_enum' }]),
      ],
    });
  }
  return { file, mode, dryRun: fields.dryRun !== 'false' } as const;
}
