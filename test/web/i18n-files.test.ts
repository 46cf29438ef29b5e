import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { areaTexts, resources, sharedTexts } from '../../web/src/i18n/resources.ts';

const webSrc = path.resolve(import.meta.dirname, '../../web/src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function lookUp(texts: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], texts);
}

describe('console text files', () => {
  it('gives every area a key of its own, so no area replaces texts every page shares', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const shared = Object.keys(sharedTexts[lang]);
      assert.deepEqual(
        Object.keys(areaTexts).filter((area) => shared.includes(area)),
        [],
        `${lang}: area keys that are also shared keys`,
      );
    }
  });

  it('holds every key the console names literally, in English and in Chinese', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(webSrc)) {
      const source = fs.readFileSync(file, 'utf8');
      for (const [, key] of source.matchAll(/\bt\(\s*'([a-zA-Z]\w*(?:\.\w+)+)'/g)) {
        for (const lang of ['en', 'zh-CN'] as const) {
          const { translation } = resources[lang];
          if (lookUp(translation, key) === undefined && lookUp(translation, `${key}_other`) === undefined)
            missing.push(`${lang} ${key} (${path.relative(webSrc, file)})`);
        }
      }
    }
    assert.deepEqual(missing, []);
    // The order page's review card and the service levels were once shadowed by area files.
    assert.equal(lookUp(resources['zh-CN'].translation, 'orderReview.riskScore'), '风险分');
    assert.equal(lookUp(resources['zh-CN'].translation, 'serviceLevel.same_day'), '当日达');
  });
});
