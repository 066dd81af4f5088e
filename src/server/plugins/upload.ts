import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';

/** Largest file an import accepts. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** The first bytes a file of a type starts with (PDF: within its first kilobyte, as readers allow). */
const SIGNATURES: Record<string, (data: Buffer) => boolean> = {
  pdf: (data) => data.subarray(0, 1024).includes('%PDF'),
  png: (data) => data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  jpg: (data) => data.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])),
  jpeg: (data) => data.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])),
  // Office Open XML files are ZIP archives.
  docx: isZip,
  xlsx: isZip,
  csv: isPlainText,
  txt: isPlainText,
};

function isZip(data: Buffer): boolean {
  return data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
}

/**
 * Text, not markup a browser would run: no NUL byte in the first 8 KB (a binary file), and not
 * beginning (after a byte-order mark and whitespace) like an HTML, SVG or XML document.
 */
function isPlainText(data: Buffer): boolean {
  const head = data.subarray(0, 8192);
  if (head.includes(0)) return false;
  const start = head
    .toString('latin1')
    .replace(/^\xef\xbb\xbf/, '')
    .trimStart()
    .slice(0, 16)
    .toLowerCase();
  return !/^<(!doctype|html|head|body|script|svg|\?xml|iframe)/.test(start);
}

/**
 * Whether a file's content is what its name's ending says (ASVS 12.2.1): a `.pdf` that is HTML, an
 * `.xlsx` that is text, a `.csv` that is a program are refused. Endings not listed are left to the
 * route, which refuses the types it does not keep.
 */
export function contentMatchesName(filename: string, data: Buffer): boolean {
  const extension = filename.trim().toLowerCase().split('.').pop() ?? '';
  const matches = SIGNATURES[extension];
  return matches ? matches(data) : true;
}

/**
 * Reads an import upload (multipart: `file`, `mode` = all | valid_only, `dryRun` = true | false).
 * A dry run is the default, so a form that forgets the flag never imports by accident.
 */
export async function readUpload(request: FastifyRequest) {
  if (!request.isMultipart()) throw new AppError('V_UNSUPPORTED_MEDIA_TYPE');
  let file: { filename: string; data: Buffer } | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.file.truncated) throw new AppError('V_BODY_TOO_LARGE');
        if (!contentMatchesName(part.filename, data))
          throw new AppError('V_VALIDATION', { fields: [{ path: 'file', code: 'file_content' }] });
        file = { filename: part.filename, data };
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    // A body the multipart parser cannot read (no boundary, a broken part, too many files or fields)
    // is the sender's mistake: 400 naming the file, not a server error (found by the fuzzer, issue 20 §9).
    throw new AppError('V_VALIDATION', { fields: [{ path: 'file', code: 'invalid' }] });
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
