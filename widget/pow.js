/* Chorus proof of work: the comments widget loads this only when the service asks for a puzzle.
   Served minified. No third party: the browser's own crypto.subtle does the hashing. */

// Leading zero bits of a digest, counted until the first 1 bit.
const zeroBits = (digest) => {
  let bits = 0;
  for (const byte of digest) {
    if (byte) return bits + Math.clz32(byte) - 24;
    bits += 8;
  }
  return bits;
};

// An answer such that SHA-256(challenge ":" answer) starts with `bits` zero bits (hashcash).
// Answers are counted in base 36; a batch of hashes is asked for at once, since each digest is
// a promise and waiting for them one by one would leave the CPU idle.
export const solve = async (challenge, bits) => {
  const encoder = new TextEncoder();
  const batch = 256;
  for (let start = 0; ; start += batch) {
    const answers = [];
    for (let n = start; n < start + batch; n += 1) answers.push(n.toString(36));
    const digests = await Promise.all(
      answers.map((answer) =>
        crypto.subtle.digest("SHA-256", encoder.encode(challenge + ":" + answer)),
      ),
    );
    const found = digests.findIndex((digest) => zeroBits(new Uint8Array(digest)) >= bits);
    if (found >= 0) return answers[found];
  }
};
