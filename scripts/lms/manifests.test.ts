/**
 * The packages' manifests against the official schemas (scripts/lms/xsd/, the ADL/IMS files) with
 * xmllint (Debian: libxml2-utils; .ci/run installs it), and cmi5.xml against our own schema of
 * the part of the cmi5 course structure it uses (xsd/cmi5/: the official XSD is not available here).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cmi5Xml, scorm12Manifest, scorm2004Manifest, type PackageOptions } from './manifests';

const options: PackageOptions = {
  scenarios: [
    { id: 'toy-shop-saturday', title: { nl: 'Speelgoed & zaterdag', en: 'Toy shop' }, description: { nl: 'Een <drukke> dag', en: 'A busy day' } },
    { id: 'tram-card-reader', title: { nl: 'Tram', en: 'Tram' } },
  ],
  files: ['index.html', 'assets/index-abc.js', 'audio/cue-arrive.mp3'],
  mastery: 0.6,
  lang: 'nl',
  mode: 'assessment',
  moveOn: 'CompletedOrPassed',
  courseId: 'https://frontlijn.app/course/frontlijn',
};

const xsd = resolve(import.meta.dirname, 'xsd');
const dir = mkdtempSync(join(tmpdir(), 'frontlijn-manifest-'));

function xmllint(xml: string, schema?: string): { ok: boolean; out: string } {
  const file = join(dir, `m${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  try {
    const out = execFileSync('xmllint', ['--noout', ...(schema ? ['--schema', schema] : []), file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: true, out };
  } catch (e) {
    return { ok: false, out: String((e as { stderr?: string }).stderr ?? e) };
  }
}

describe('imsmanifest.xml', () => {
  it('SCORM 1.2 is valid against IMS CP 1.1.2 + ADL CP 1.2', () => {
    const xml = scorm12Manifest(options);
    const r = xmllint(xml, join(xsd, 'scorm12/validate-manifest.xsd'));
    expect(r.out).not.toMatch(/fails to validate/);
    expect(r.ok).toBe(true);
    expect(xml).toContain('href="index.html?lms=scorm12&amp;play=toy-shop-saturday&amp;mode=assessment&amp;mastery=60"');
    expect(xml).toContain('<adlcp:masteryscore>60</adlcp:masteryscore>');
    expect(xml).toContain('<title>Speelgoed &amp; zaterdag</title>');
  });

  it('SCORM 2004 4th edition is valid against IMS CP 1.1.4, ADL CP/SEQ/NAV 1.3 and IMS SS', () => {
    const xml = scorm2004Manifest(options);
    const r = xmllint(xml, join(xsd, 'scorm2004/validate-manifest.xsd'));
    expect(r.out).not.toMatch(/fails to validate/);
    expect(r.ok).toBe(true);
    expect(xml).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    expect(xml).toContain('<imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure>');
  });

  it('the schemas do refuse a broken manifest', () => {
    const broken = scorm2004Manifest(options).replace('completionSetByContent="true"', 'completionSetByContent="yes"');
    expect(xmllint(broken, join(xsd, 'scorm2004/validate-manifest.xsd')).ok).toBe(false);
    const misplaced = scorm12Manifest(options).replace('<organizations', '<resources/><organizations');
    expect(xmllint(misplaced, join(xsd, 'scorm12/validate-manifest.xsd')).ok).toBe(false);
  });
});

describe('cmi5.xml', () => {
  // Our own schema of the part of the cmi5 course structure we use (no official XSD offline).
  const schema = join(xsd, 'cmi5/course-structure-subset.xsd');

  it('is valid, one AU per scenario with moveOn and masteryScore', () => {
    const xml = cmi5Xml(options);
    const r = xmllint(xml, schema);
    expect(r.out).not.toMatch(/fails to validate/);
    expect(r.ok).toBe(true);
    expect(xml.match(/<au /g)).toHaveLength(2);
    expect(xml).toContain('id="https://frontlijn.app/course/frontlijn/au/toy-shop-saturday" moveOn="CompletedOrPassed" masteryScore="0.6"');
    expect(xml).toContain('<langstring lang="nl">Een &lt;drukke&gt; dag</langstring>');
  });

  it('an unknown moveOn or a mastery over 1 is refused', () => {
    expect(xmllint(cmi5Xml({ ...options, moveOn: 'Whenever' as never }), schema).ok).toBe(false);
    expect(xmllint(cmi5Xml({ ...options, mastery: 60 }), schema).ok).toBe(false);
  });
});
