// File-system and stream failures in words. Node reports them as bare codes (ENOSPC,
// ERR_ENCODING_INVALID_ENCODED_DATA); a user should read what happened and what to do.

/** Sentences for the codes a user can meet when opsplan reads or writes files. */
const SENTENCES: Readonly<Record<string, string>> = {
  ENOENT: 'the file or folder does not exist',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exhausted',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'a file of that name already exists',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links in the path',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EIO: 'an input/output error of the device',
  EFBIG: 'the file is too large for the file system',
  EBUSY: 'the file or device is busy',
  ETXTBSY: 'the file is busy',
  EXDEV: 'the file cannot be moved across file systems',
  EBADF: 'the stream is closed',
  EPIPE: 'the reader closed the pipe',
  EAGAIN: 'the device is not ready (try again)',
  ERR_STREAM_DESTROYED: 'the stream is closed',
  ERR_STREAM_WRITE_AFTER_END: 'the stream is closed',
  ERR_ENCODING_INVALID_ENCODED_DATA: 'the text is not valid UTF-8; save the file as UTF-8',
  ERR_INVALID_CHAR: 'the text holds a character that is not allowed here',
};

/** A Node error with a code (fs, streams, TextDecoder). */
export interface CodedError extends Error {
  code: string;
  syscall?: string;
  path?: string;
}

/** True for an error Node raised from the file system or a stream (it carries a string `code`). */
export function isIoError(e: unknown): e is CodedError {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  // Commander's own errors carry codes too (commander.unknownOption); they are not I/O.
  return typeof code === 'string' && (/^E[A-Z]+$/.test(code) || code.startsWith('ERR_STREAM') || code.startsWith('ERR_ENCODING')) && !code.startsWith('commander.');
}

/** The reason in words, with the code in brackets for searching: `no space left on the device (ENOSPC)`. */
export function describeIoError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string') return e.message;
  const sentence = SENTENCES[code];
  return sentence ? `${sentence} (${code})` : `${e.message.replace(/^[A-Z_]+: /, '')} (${code})`;
}
