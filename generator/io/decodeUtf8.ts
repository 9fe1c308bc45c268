/**
 * Strict UTF-8 decoding of input files. A runbook or config saved as UTF-16 (PowerShell 5's `Out-File`
 * default) or in a legacy code page (Windows-1252) would otherwise be decoded with U+FFFD replacement
 * characters and copied or parsed silently wrong; refusing it with a hint is the only safe answer.
 */

export type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

// fatal: an invalid sequence throws instead of becoming U+FFFD. ignoreBOM: a BOM stays in the text, so a
// runbook copied to the output keeps its bytes exactly (re-encoding U+FEFF gives EF BB BF back).
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decode `bytes` as UTF-8, refusing invalid sequences and NUL bytes (UTF-16 text is valid UTF-8 when it is ASCII). */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  const guess = nulGuess(bytes);
  if (guess) return { ok: false, reason: guess };
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, reason: 'is not valid UTF-8 (looks like Windows-1252 or another legacy code page): re-save it as UTF-8' };
  }
}

/** UTF-16 BOMs (FF FE, FE FF) or NUL bytes: never in a text file armgen reads. */
function nulGuess(bytes: Uint8Array): string | undefined {
  const utf16Bom = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (utf16Bom) return 'is not valid UTF-8 (looks like UTF-16): re-save it as UTF-8';
  const nul = bytes.indexOf(0);
  if (nul < 0) return undefined;
  // ASCII text in UTF-16 has a NUL in every other byte.
  let nuls = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) nuls++;
  return nuls * 3 >= bytes.length
    ? 'is not valid UTF-8 (looks like UTF-16): re-save it as UTF-8'
    : `holds a NUL byte at offset ${nul} (a binary file?); armgen reads UTF-8 text only`;
}
