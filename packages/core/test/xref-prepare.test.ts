import { describe, expect, it } from 'vitest';
import { buildFingerprintIndex, buildFingerprintIndexAsync, crossReference, crossReferenceAsync, getFingerprintIndex, prepareCrossReference } from '../src/index.js';
import { fixtureArchive, INSPECTION, PROJECT } from './xref-fixture.js';

describe('prepareCrossReference: the index built ahead, in slices', () => {
  it('builds the same fingerprint index in slices as in one piece, and yields while doing it', async () => {
    const archive = fixtureArchive();
    // Many copies of the fixture articles, so the build has many steps.
    const articles = Array.from({ length: 40 }, () => archive.articles).flat();
    let turns = 0;
    let building = true;
    const counter = (async () => {
      while (building) {
        turns++;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    })();
    const sliced = await buildFingerprintIndexAsync(articles, 0);
    building = false;
    await counter;
    expect(sliced).toEqual(buildFingerprintIndex(articles));
    expect(turns).toBeGreaterThan(3);
  });

  it('leaves crossReference answering exactly as without it, with the prepared index in use', async () => {
    const draft = `${PROJECT}\n\n${INSPECTION}`;
    const cold = crossReference(fixtureArchive(), draft);
    const archive = fixtureArchive();
    await prepareCrossReference(archive);
    const prepared = getFingerprintIndex(archive);
    expect(crossReference(archive, draft)).toEqual(cold);
    expect(getFingerprintIndex(archive)).toBe(prepared);
    expect(cold.reused.length).toBeGreaterThan(0);
  });

  it('crossReferenceAsync answers as crossReference does, on the cold and the prepared archive', async () => {
    const draft = `${PROJECT}\n\n${INSPECTION}`;
    const expected = crossReference(fixtureArchive(), draft);
    expect(await crossReferenceAsync(fixtureArchive(), draft)).toEqual(expected);
    const archive = fixtureArchive();
    await prepareCrossReference(archive);
    expect(await crossReferenceAsync(archive, draft)).toEqual(expected);
    expect(await crossReferenceAsync(archive, draft, { markdown: false })).toEqual(crossReference(fixtureArchive(), draft, { markdown: false }));
    await expect(crossReferenceAsync(archive, 42 as unknown as string)).rejects.toThrow(TypeError);
  });
});
