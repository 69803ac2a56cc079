/**
 * The packages' descriptors as text: imsmanifest.xml for SCORM 1.2 and SCORM 2004 4th edition,
 * cmi5.xml for cmi5. Pure (scenarios and file list in, XML out), unit-tested and validated with
 * xmllint against the official XSDs in scripts/lms/xsd/ (manifests.test.ts).
 *
 * One item (SCORM: SCO; cmi5: AU) per built-in scenario, all launching the same index.html with
 * `?lms=<kind>&play=<id>` (src/lms/launch.ts); one shared asset resource lists every file.
 */

export type MoveOn = 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';

export interface PackageScenario {
  id: string;
  title: { nl?: string; en?: string } | string;
  description?: { nl?: string; en?: string } | string;
}

export interface PackageOptions {
  scenarios: PackageScenario[];
  /** Every file of the game, relative to the package root, '/'-separated. */
  files: string[];
  /** The pass mark, 0..1 of the overall score. */
  mastery: number;
  /** The language of the titles in SCORM manifests (cmi5 carries both). */
  lang: 'nl' | 'en';
  /** The mode the package plays in. */
  mode: 'assessment' | 'coaching';
  /** cmi5: when the platform moves the learner on. */
  moveOn: MoveOn;
  /** cmi5: the course's IRI; each AU is `<courseId>/au/<scenario id>`. */
  courseId: string;
}

export const PACKAGE_TITLE = 'Frontlijn';

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function text(v: PackageScenario['title'] | undefined, lang: 'nl' | 'en'): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  return v[lang] ?? v.nl ?? v.en ?? '';
}

/** An xsd:ID from a scenario id (an NCName: letters first, no colons). */
function xmlId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}

/** The launch address of one scenario inside the package. */
export function launchHref(kind: 'scorm12' | 'scorm2004' | 'cmi5', o: Pick<PackageOptions, 'mode' | 'mastery'>, id: string): string {
  return `index.html?lms=${kind}&play=${encodeURIComponent(id)}&mode=${o.mode}&mastery=${Math.round(o.mastery * 100)}`;
}

function assetFiles(files: string[], indent: string): string {
  return files.map((f) => `${indent}<file href="${escapeXml(f)}"/>`).join('\n');
}

export function scorm12Manifest(o: PackageOptions): string {
  const items = o.scenarios
    .map(
      (s) => `      <item identifier="${xmlId('item', s.id)}" identifierref="${xmlId('sco', s.id)}" isvisible="true">
        <title>${escapeXml(text(s.title, o.lang))}</title>
        <adlcp:masteryscore>${Math.round(o.mastery * 100)}</adlcp:masteryscore>
      </item>`,
    )
    .join('\n');
  const scos = o.scenarios
    .map(
      (s) => `    <resource identifier="${xmlId('sco', s.id)}" type="webcontent" adlcp:scormtype="sco" href="${escapeXml(launchHref('scorm12', o, s.id))}">
      <file href="index.html"/>
      <dependency identifierref="app"/>
    </resource>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="frontlijn-scorm12" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="frontlijn">
    <organization identifier="frontlijn">
      <title>${PACKAGE_TITLE}</title>
${items}
    </organization>
  </organizations>
  <resources>
${scos}
    <resource identifier="app" type="webcontent" adlcp:scormtype="asset">
${assetFiles(o.files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

export function scorm2004Manifest(o: PackageOptions): string {
  const items = o.scenarios
    .map(
      (s) => `      <item identifier="${xmlId('item', s.id)}" identifierref="${xmlId('sco', s.id)}" isvisible="true">
        <title>${escapeXml(text(s.title, o.lang))}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="overall" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${o.mastery}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
            <imsss:objective objectiveID="warmth"/>
            <imsss:objective objectiveID="initiative"/>
            <imsss:objective objectiveID="outcome"/>
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>`,
    )
    .join('\n');
  const scos = o.scenarios
    .map(
      (s) => `    <resource identifier="${xmlId('sco', s.id)}" type="webcontent" adlcp:scormType="sco" href="${escapeXml(launchHref('scorm2004', o, s.id))}">
      <file href="index.html"/>
      <dependency identifierref="app"/>
    </resource>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="frontlijn-scorm2004" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="frontlijn">
    <organization identifier="frontlijn">
      <title>${PACKAGE_TITLE}</title>
${items}
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
${scos}
    <resource identifier="app" type="webcontent" adlcp:scormType="asset">
${assetFiles(o.files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

function langstrings(v: PackageScenario['title'] | undefined, indent: string): string {
  const out: string[] = [];
  for (const lang of ['nl', 'en'] as const) {
    const s = typeof v === 'string' ? v : v?.[lang];
    if (s) out.push(`${indent}<langstring lang="${lang}">${escapeXml(s)}</langstring>`);
  }
  return out.join('\n');
}

export function cmi5Xml(o: PackageOptions): string {
  const aus = o.scenarios
    .map(
      (s) => `  <au id="${escapeXml(`${o.courseId}/au/${s.id}`)}" moveOn="${o.moveOn}" masteryScore="${o.mastery}" launchMethod="AnyWindow">
    <title>
${langstrings(s.title, '      ')}
    </title>
    <description>
${langstrings(s.description ?? s.title, '      ')}
    </description>
    <url>${escapeXml(launchHref('cmi5', o, s.id))}</url>
  </au>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${escapeXml(o.courseId)}">
    <title>
      <langstring lang="nl">${PACKAGE_TITLE}</langstring>
      <langstring lang="en">${PACKAGE_TITLE}</langstring>
    </title>
    <description>
      <langstring lang="nl">Oefen het moment van contact met een klant.</langstring>
      <langstring lang="en">Practise the moment of contact with a customer.</langstring>
    </description>
  </course>
${aus}
</courseStructure>
`;
}
