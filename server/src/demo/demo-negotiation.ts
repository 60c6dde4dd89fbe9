// Demo content for Accord: a fictional intergovernmental negotiation on a "Global Compact on
// Extreme Heat and Resilient Cities". Every state, organisation and person here is invented, and
// every sentence of the draft is original wording written for this demo (no real resolution or
// compact is quoted). The record is a snapshot after the first reading of the zero draft: a few
// paragraphs agreed ad ref, several amendments on the table, and positions that show where the
// room converges and where it does not.
//
// Conventions:
// - Stakeholder keys are their codes ('NHR', 'ACIS', ...); person keys are lower case ('nhr').
// - `sponsor` and `cosponsors` of an amendment are stakeholder keys (delegations or groups).
// - insert: `originalText` is the words immediately before the insertion point (it occurs exactly
//   once in the paragraph), and `proposedText` is the new words, which go right after it.
//   delete / replace: `originalText` is the exact range (occurring once) that is removed/replaced.
//   add-paragraph: the new paragraph goes after `paragraph`; `originalText` is ''.
//   delete-paragraph: `originalText` is the paragraph's whole text.
// - Paragraph texts carry no numbers or letters: the UI numbers them (PP 3, OP 4 (b)).
// - Nor do they carry brackets: brackets and options are data (`brackets`, `optionSets`), placed
//   on the words by the delegations after the zero draft, as in the room.

export type StakeholderKind = 'delegation' | 'group' | 'civil-society' | 'observer' | 'secretariat';

export interface DemoStakeholder {
  key: string;
  kind: StakeholderKind;
  name: string;
  code: string;
  /** group keys, delegations only */
  groups?: string[];
}

export interface DemoPerson {
  key: string;
  displayName: string;
  /** @demo.accord.test */
  email: string;
  /** stakeholder key */
  stakeholder: string;
  role: 'chair' | 'secretariat' | 'delegate' | 'civil-society' | 'observer';
}

export interface DemoParagraph {
  key: string;
  kind: 'heading' | 'preambular' | 'operative' | 'subparagraph';
  text: string;
}

export interface DemoAmendment {
  key: string;
  paragraph: string;
  kind: 'insert' | 'delete' | 'replace' | 'add-paragraph' | 'delete-paragraph';
  originalText: string;
  proposedText: string;
  sponsor: string;
  cosponsors: string[];
  rationale: string;
  /** person key */
  tabledBy: string;
}

export interface DemoBracket {
  paragraph: string;
  /** The bracketed words; they occur exactly once in the paragraph. */
  words: string;
  /** The delegation that brackets them (stakeholder key). */
  by: string;
  note: string;
}

export interface DemoOptionSet {
  key: string;
  scope: 'inline' | 'paragraphs';
  paragraph: string;
  /** Inline: Option 1's words, occurring once in the paragraph. */
  words?: string;
  /** Option 2, 3, … in order, each proposed by a delegation (stakeholder key). */
  alternatives: { by: string; words: string; noText?: boolean }[];
}

export interface DemoPosition {
  stakeholder: string;
  /** person key acting for it */
  by: string;
  target: { kind: 'paragraph' | 'amendment'; key: string };
  stance: 'support' | 'can-accept' | 'reservation' | 'objection' | 'abstain';
  statement?: string;
}

export interface DemoComment {
  key: string;
  paragraph: string;
  quote?: string;
  body: string;
  /** person key */
  by: string;
  replyTo?: string;
  resolved?: boolean;
}

export interface DemoNegotiation {
  title: string;
  description: string;
  document: {
    title: string;
    symbol: string;
    mode: 'open-drafting' | 'formal';
    paragraphs: DemoParagraph[];
  };
  stakeholders: DemoStakeholder[];
  /**
   * Exactly: 2 chairs (co-facilitators, role 'chair', acting for their delegations), 1 secretariat,
   * one delegate for every delegation and every group, one person per civil society organisation
   * (role civil-society) and per observer (role observer).
   */
  people: DemoPerson[];
  /** paragraph keys the chair has gavelled */
  agreedAdRef: string[];
  /** Brackets placed during the first reading, in order (an inner one after its outer one). */
  brackets: DemoBracket[];
  /** Alternatives on the table: inline words or whole paragraphs. */
  optionSets: DemoOptionSet[];
  amendments: DemoAmendment[];
  positions: DemoPosition[];
  comments: DemoComment[];
  /** A roundtable scheduled after Rev 1, its paper drafted by the co-chairs but not yet issued. */
  roundtable: DemoRoundtable;
}

export interface DemoRoundtable {
  theme: string;
  /** Two delegation keys; the first writes the draft. */
  coChairs: [string, string];
  /** Days after the seed's "today" on which it meets. */
  inDays: number;
  /** Paragraph keys; a heading would stand for its section. */
  covers: string[];
  /** Stakeholder keys. */
  invited: string[];
  background: string;
  guidingQuestions: string[];
  /** Co-chair delegations that have signed off the draft so far. */
  signedOffBy: string[];
}

/** One password for every demo account; printed in the README. */
export const DEMO_PASSWORD = 'accord-demo-2026';

/**
 * The demo secretariat's e-mail: the operator when the demo is on and ACCORD_OPERATORS is unset
 * (config.ts), so the seeded demo runs as an operator. A unit test ties it to the person below.
 */
export const DEMO_OPERATOR_EMAIL = 'secretariat@demo.accord.test';

const person = (
  key: string,
  displayName: string,
  stakeholder: string,
  role: DemoPerson['role'],
): DemoPerson => ({ key, displayName, email: `${key}@demo.accord.test`, stakeholder, role });

const onParagraph = (key: string): DemoPosition['target'] => ({ kind: 'paragraph', key });
const onAmendment = (key: string): DemoPosition['target'] => ({ kind: 'amendment', key });

export const demoNegotiation: DemoNegotiation = {
  title:
    'Intergovernmental negotiations on the Global Compact on Extreme Heat and Resilient Cities',
  description:
    'A fictional negotiation for demonstration. Twelve invented member states, two negotiating ' +
    'groups, civil society and observers work on the draft of a compact on extreme heat in ' +
    'cities: early warning, cooling centres, protection of outdoor workers, urban greening, finance ' +
    'and follow-up. Shown after the first reading of the zero draft: two paragraphs agreed ad ref, ' +
    'one amendment accepted into Rev 1, eight pending, and the positions stated so far.',

  document: {
    // Revisions carry the "Zero draft" / "Rev 1" labels; the title stays the same across them.
    title: 'Global Compact on Extreme Heat and Resilient Cities',
    symbol: 'A/HEAT/2027/L.1',
    // Open drafting, so delegates can type live in the demo; the chair can switch to formal.
    mode: 'open-drafting',
    paragraphs: [
      { key: 'h1', kind: 'heading', text: 'Preamble' },
      {
        key: 'pp1',
        kind: 'preambular',
        text:
          'Recognizing that heatwaves are growing longer, more intense and more frequent in every ' +
          'region, and that extreme heat has become one of the leading weather-related causes of ' +
          'death, weighing most heavily on older persons, infants, pregnant women, persons with ' +
          'chronic illness and people who work outdoors,',
      },
      {
        key: 'pp2',
        kind: 'preambular',
        text:
          'Concerned that urban areas trap and release heat through dense construction, dark and ' +
          'sealed surfaces, waste heat from vehicles and machinery, and the loss of trees and open ' +
          'water, leaving some neighbourhoods several degrees hotter than others in the same city, ' +
          'often those where incomes are lowest,',
      },
      {
        key: 'pp3',
        kind: 'preambular',
        text:
          'Recalling the commitments that States have already made under multilateral frameworks on ' +
          'climate change, disaster risk reduction, health and sustainable urban development, and ' +
          'resolved that this Compact should add to those efforts rather than duplicate them,',
      },
      {
        key: 'pp4',
        kind: 'preambular',
        text:
          'Acknowledging that most deaths and illnesses caused by heat can be prevented when ' +
          'warnings arrive in time, when cool places are within reach, and when health and social ' +
          'services know who is at risk and check on them,',
      },
      {
        key: 'pp5',
        kind: 'preambular',
        text:
          'Noting with concern that outdoor and informal workers, including migrant workers, farm ' +
          'labourers, construction workers and delivery riders, face growing risks of heat stress, ' +
          'injury and lost income, frequently without adequate water, shade or rest,',
      },
      {
        key: 'pp6',
        kind: 'preambular',
        text:
          'Mindful that States differ greatly in their exposure to extreme heat and in their means ' +
          'to respond, and that small island developing States and countries in arid and semi-arid ' +
          'regions face particular challenges,',
      },
      {
        key: 'pp7',
        kind: 'preambular',
        text:
          'Emphasizing the central role of local and regional governments, which plan streets, ' +
          'buildings, green spaces and emergency services, and the value of involving residents, ' +
          'workers, young people and civil society in the design of heat action,',
      },
      {
        key: 'pp8',
        kind: 'preambular',
        text:
          'Stressing that accurate, timely and openly shared data on temperatures, exposure and ' +
          'health outcomes are essential for directing resources to where they are most needed and ' +
          'for measuring progress,',
      },
      {
        key: 'pp9',
        kind: 'preambular',
        text:
          'Affirming that the commitments in this Compact are voluntary, and ' +
          'that each State will decide how best to give effect to them in the light of its own ' +
          'circumstances, capacities and priorities,',
      },
      { key: 'h2', kind: 'heading', text: 'Commitments' },
      {
        key: 'op1',
        kind: 'operative',
        text:
          'Commit to establish or strengthen, by 2030, heat early-warning systems that issue alerts ' +
          'based on expected health impacts at least three days in advance, reach every resident in ' +
          'languages and formats they can understand, and set off pre-agreed public health and ' +
          'emergency measures;',
      },
      {
        key: 'op2',
        kind: 'operative',
        text:
          'Commit to prepare, and review at least every five years, national and city heat action ' +
          'plans that assign clear responsibilities to health, labour, housing, energy, water and ' +
          'emergency services and give priority to the people and neighbourhoods most at risk, ' +
          'including:',
      },
      {
        key: 'op2a',
        kind: 'subparagraph',
        text:
          'alert thresholds agreed jointly by meteorological and health authorities and reviewed ' +
          'after each heat season;',
      },
      {
        key: 'op2b',
        kind: 'subparagraph',
        text:
          'outreach to older persons, persons living alone and persons with disabilities during ' +
          'heatwaves, through home visits, telephone calls and community volunteers;',
      },
      {
        key: 'op2c',
        kind: 'subparagraph',
        text:
          'measures to keep water, electricity and health services running during prolonged heat, ' +
          'including protection against disconnection for households unable to pay;',
      },
      {
        key: 'op3',
        kind: 'operative',
        text:
          'Encourage local authorities to designate accessible cooling centres in libraries, ' +
          'community centres, places of worship, transport hubs and other public buildings, to ' +
          'extend their opening hours during heat alerts, and to keep them free of charge and open ' +
          'to all, irrespective of migration status;',
      },
      {
        key: 'op4',
        kind: 'operative',
        text:
          'Commit to protect workers from occupational heat stress by establishing binding limits ' +
          "on workplace heat exposure, developed in consultation with employers' and workers' " +
          'organizations, and by ensuring:',
      },
      {
        key: 'op4a',
        kind: 'subparagraph',
        text:
          'access to drinking water, shade and paid rest breaks that lengthen as the heat index ' +
          'rises;',
      },
      {
        key: 'op4b',
        kind: 'subparagraph',
        text:
          'the right of workers to stop work when heat poses a serious and imminent danger, without ' +
          'loss of pay or other reprisal;',
      },
      {
        key: 'op4c',
        kind: 'subparagraph',
        text:
          'that informal, seasonal and migrant workers are covered, including in agriculture, ' +
          'construction and delivery services;',
      },
      {
        key: 'op5',
        kind: 'operative',
        text:
          'Encourage States and cities to expand tree canopy, green roofs, permeable surfaces and ' +
          'water features, aiming to increase shaded and green areas in cities of more than 100,000 ' +
          'inhabitants by 30 per cent by 2035, with priority for the hottest and lowest-income ' +
          'districts;',
      },
      {
        key: 'op6',
        kind: 'operative',
        text:
          'Call upon States to revise building codes and standards so that new and renovated ' +
          'buildings, in particular social housing, schools and hospitals, remain within safe ' +
          'indoor temperatures through passive design, insulation, shading and ventilation, and to ' +
          'promote efficient cooling that uses low-emission refrigerants;',
      },
      {
        key: 'op7',
        kind: 'operative',
        text:
          'Urge developed countries to scale up new and additional finance from public and private ' +
          'sources for heat adaptation in developing countries, and to facilitate the transfer of ' +
          'cooling and early-warning technologies on mutually agreed terms;',
      },
      {
        key: 'op8',
        kind: 'operative',
        text:
          'Commit to strengthen heat-health surveillance by recording heat-related deaths, hospital ' +
          'admissions and occupational injuries on a comparable basis, publishing excess-mortality ' +
          'estimates after each major heatwave, and sharing anonymized data with researchers and ' +
          'neighbouring States;',
      },
      {
        key: 'op9',
        kind: 'operative',
        text:
          'Invite meteorological and health services to produce joint heat-health forecasts, and ' +
          'encourage relevant international organizations to assist countries with sparse ' +
          'observation networks, including through low-cost weather stations and satellite maps of ' +
          'urban surface temperatures;',
      },
      {
        key: 'op10',
        kind: 'operative',
        text:
          'Request the secretariat to establish, within existing resources, a Global Heat ' +
          'Resilience Platform that will:',
      },
      {
        key: 'op10a',
        kind: 'subparagraph',
        text:
          'keep a public registry of voluntary action pledges made by States, cities, businesses ' +
          'and civil society;',
      },
      {
        key: 'op10b',
        kind: 'subparagraph',
        text: 'collect and share good practices, technical guidance and open data on heat risk;',
      },
      {
        key: 'op10c',
        kind: 'subparagraph',
        text:
          'match requests for technical assistance with offers of support from States and partner ' +
          'organizations;',
      },
      {
        key: 'op11',
        kind: 'operative',
        text:
          'Invite States, local governments and other stakeholders to announce voluntary, ' +
          'time-bound action pledges in support of this Compact, and to report on their progress ' +
          'every two years through the Platform;',
      },
      {
        key: 'op12',
        kind: 'operative',
        text:
          'Decide to convene a Heat Resilience Review Forum every two years, beginning in ' +
          '2029, to assess progress in implementing this Compact with the full participation of ' +
          'local governments, civil society and relevant international organizations, and to adopt ' +
          'a concise progress declaration.',
      },
    ],
  },

  stakeholders: [
    // Negotiating groups
    { key: 'ACIS', kind: 'group', name: 'Alliance of Coastal and Island States', code: 'ACIS' },
    { key: 'DDG', kind: 'group', name: 'Drylands Development Group', code: 'DDG' },
    // Delegations: coastal and island states
    {
      key: 'MRU',
      kind: 'delegation',
      name: 'Federated Islands of Maranu',
      code: 'MRU',
      groups: ['ACIS'],
    },
    { key: 'PEL', kind: 'delegation', name: 'Republic of Pelenoa', code: 'PEL', groups: ['ACIS'] },
    { key: 'SLM', kind: 'delegation', name: 'Kingdom of Solmere', code: 'SLM', groups: ['ACIS'] },
    { key: 'STR', kind: 'delegation', name: 'Republic of Santerra', code: 'STR', groups: ['ACIS'] },
    // Delegations: arid and developing states
    { key: 'NHR', kind: 'delegation', name: 'Republic of Nahrim', code: 'NHR', groups: ['DDG'] },
    { key: 'ZHR', kind: 'delegation', name: 'State of Zahiran', code: 'ZHR', groups: ['DDG'] },
    {
      key: 'UMB',
      kind: 'delegation',
      name: 'Democratic Republic of Umbesi',
      code: 'UMB',
      groups: ['DDG'],
    },
    { key: 'KDR', kind: 'delegation', name: 'Republic of Kaldara', code: 'KDR', groups: ['DDG'] },
    {
      key: 'TVS',
      kind: 'delegation',
      name: 'United Republic of Tavassa',
      code: 'TVS',
      groups: ['DDG'],
    },
    // Delegations in no group
    { key: 'HLV', kind: 'delegation', name: 'Federal Republic of Halvard', code: 'HLV' },
    { key: 'OSV', kind: 'delegation', name: 'Union of Ostreva', code: 'OSV' },
    { key: 'VRD', kind: 'delegation', name: 'Republic of Veradia', code: 'VRD' },
    // Civil society
    {
      key: 'FOMW',
      kind: 'civil-society',
      name: 'Federation of Outdoor and Migrant Workers',
      code: 'FOMW',
    },
    { key: 'HCAN', kind: 'civil-society', name: 'Healthy Cities Action Network', code: 'HCAN' },
    { key: 'CFYA', kind: 'civil-society', name: 'Cool Futures Youth Alliance', code: 'CFYA' },
    // Observers
    {
      key: 'IUHO',
      kind: 'observer',
      name: 'International Urban Health Organization',
      code: 'IUHO',
    },
    {
      key: 'GMCA',
      kind: 'observer',
      name: 'Global Meteorological Cooperation Agency',
      code: 'GMCA',
    },
    // Secretariat
    {
      key: 'SEC',
      kind: 'secretariat',
      name: 'Secretariat of the Intergovernmental Negotiations on Extreme Heat',
      code: 'SEC',
    },
  ],

  people: [
    // Co-facilitators: one from a developed, one from a developing country.
    person('chair1', 'Amb. Helena Orvell', 'VRD', 'chair'),
    person('chair2', 'Amb. Sefu Ndalamba', 'UMB', 'chair'),
    person('secretariat', 'Mira Castellan', 'SEC', 'secretariat'),
    // Group coordinators
    person('acis', 'Sione Kaufana', 'ACIS', 'delegate'),
    person('ddg', 'Karim Oudjana', 'DDG', 'delegate'),
    // Delegates
    person('mru', 'Losa Tavake', 'MRU', 'delegate'),
    person('pel', 'Henare Paulo', 'PEL', 'delegate'),
    person('slm', 'Clara Veyrenne', 'SLM', 'delegate'),
    person('str', 'Mateo Arrieta Solís', 'STR', 'delegate'),
    person('nhr', 'Rania Haddour', 'NHR', 'delegate'),
    person('zhr', 'Omar Benzekri', 'ZHR', 'delegate'),
    person('umb', 'Esther Mwangole', 'UMB', 'delegate'),
    person('kdr', 'Darius Kelbani', 'KDR', 'delegate'),
    person('tvs', 'Fatou Sarrokh', 'TVS', 'delegate'),
    person('hlv', 'Jonas Eklind', 'HLV', 'delegate'),
    person('osv', 'Katarina Vlasek', 'OSV', 'delegate'),
    person('vrd', 'Inês Valmor', 'VRD', 'delegate'),
    // Civil society and observers
    person('cso1', 'Lucía Ferrandez', 'FOMW', 'civil-society'),
    person('cso2', 'Dr. Priya Anandan', 'HCAN', 'civil-society'),
    person('cso3', 'Noor Elbaz', 'CFYA', 'civil-society'),
    person('obs1', 'Dr. Elena Rusu', 'IUHO', 'observer'),
    person('obs2', 'Tomás Ibarguren', 'GMCA', 'observer'),
  ],

  agreedAdRef: ['pp3', 'op1'],

  brackets: [
    {
      paragraph: 'op4',
      words: 'by establishing binding limits on workplace heat exposure',
      by: 'KDR',
      note: 'Pending consultations with capital',
    },
    {
      paragraph: 'op4',
      words: 'binding',
      by: 'ZHR',
      note: 'Cannot accept binding limits; open to national limits',
    },
    {
      paragraph: 'op5',
      words: '30 per cent',
      by: 'TVS',
      note: 'Figure to be checked against national baselines',
    },
  ],

  optionSets: [
    {
      key: 'forum-interval',
      scope: 'inline',
      paragraph: 'op12',
      words: 'two',
      alternatives: [{ by: 'NHR', words: 'four' }],
    },
    {
      key: 'nature-of-commitments',
      scope: 'paragraphs',
      paragraph: 'pp9',
      alternatives: [
        {
          by: 'PEL',
          words:
            'Affirming that the commitments in this Compact are politically binding, and that each ' +
            'State will decide how best to give effect to them in the light of its own ' +
            'circumstances, capacities and priorities,',
        },
        { by: 'HLV', words: '', noText: true },
      ],
    },
  ],

  amendments: [
    {
      key: 'am1',
      paragraph: 'pp6',
      kind: 'insert',
      originalText: 'face particular challenges',
      proposedText:
        ', and that action under this Compact should be guided by the principle of common but ' +
        'differentiated responsibilities and respective capabilities',
      sponsor: 'NHR',
      cosponsors: ['ZHR', 'TVS'],
      rationale:
        'The countries that did least to cause rising temperatures now carry much of the cost of ' +
        'adapting to them, and the Compact should say so plainly.',
      tabledBy: 'nhr',
    },
    {
      key: 'am2',
      paragraph: 'op3',
      kind: 'delete',
      originalText: ', irrespective of migration status',
      proposedText: '',
      sponsor: 'KDR',
      cosponsors: [],
      rationale:
        'Access to public facilities is a matter for national law, and a text on heat should not ' +
        'be read as prejudging domestic migration policy.',
      tabledBy: 'kdr',
    },
    {
      key: 'am3',
      paragraph: 'op4',
      kind: 'replace',
      originalText: 'binding limits on workplace heat exposure',
      proposedText: 'national guidance on safe working conditions in extreme heat',
      sponsor: 'OSV',
      cosponsors: ['HLV'],
      rationale:
        'Labour systems differ widely, and guidance agreed through social dialogue is more likely ' +
        'to be applied in practice than a uniform numerical limit.',
      tabledBy: 'osv',
    },
    {
      key: 'am4',
      paragraph: 'op5',
      kind: 'replace',
      originalText: 'by 30 per cent by 2035',
      proposedText:
        'in line with national targets that take account of local climate and water availability',
      sponsor: 'ZHR',
      cosponsors: ['NHR', 'KDR'],
      rationale:
        'A single greening target does not fit water-scarce cities, where shade structures and ' +
        'reflective surfaces can cool streets without irrigation.',
      tabledBy: 'zhr',
    },
    {
      key: 'am5',
      paragraph: 'op7',
      kind: 'insert',
      originalText: 'for heat adaptation in developing countries',
      proposedText:
        ', in particular small island developing States and the least developed countries',
      sponsor: 'MRU',
      cosponsors: ['PEL', 'SLM', 'STR'],
      rationale:
        'Small islands have the thinnest fiscal margins and the least access to private finance, ' +
        'so support should reach them first.',
      tabledBy: 'mru',
    },
    {
      key: 'am6',
      paragraph: 'op7',
      kind: 'replace',
      originalText: 'Urge developed countries to scale up',
      proposedText:
        'Call upon developed countries, and invite other States in a position to do so, ' +
        'international financial institutions and the private sector, to scale up',
      sponsor: 'HLV',
      cosponsors: ['OSV'],
      rationale:
        'The scale of need calls for a wider base of contributors than the paragraph currently ' +
        'names.',
      tabledBy: 'hlv',
    },
    {
      key: 'am7',
      paragraph: 'op6',
      kind: 'add-paragraph',
      originalText: '',
      proposedText:
        'Encourage education authorities to adapt school calendars, daily timetables and ' +
        'buildings so that children can learn safely during extreme heat, and to include heat ' +
        'safety in school curricula;',
      sponsor: 'STR',
      cosponsors: ['TVS', 'MRU'],
      rationale:
        'Schools close or lose teaching time in every hot season, and children are among the ' +
        'groups most sensitive to heat.',
      tabledBy: 'str',
    },
    {
      key: 'am8',
      paragraph: 'pp5',
      kind: 'add-paragraph',
      originalText: '',
      proposedText:
        'Recognizing that in coastal and island cities extreme heat increasingly coincides with ' +
        'drought, marine heatwaves and saltwater intrusion, compounding risks to water supplies, ' +
        'food and health,',
      sponsor: 'ACIS',
      cosponsors: [],
      rationale:
        'Heat rarely arrives alone on coasts and islands, and plans that treat it in isolation ' +
        'miss the combined effects.',
      tabledBy: 'acis',
    },
    {
      key: 'am9',
      paragraph: 'op4b',
      kind: 'delete-paragraph',
      originalText:
        'the right of workers to stop work when heat poses a serious and imminent danger, without ' +
        'loss of pay or other reprisal;',
      proposedText: '',
      sponsor: 'ZHR',
      cosponsors: [],
      rationale:
        'The conditions under which work may be stopped are set by national labour legislation ' +
        'and collective agreements, not by a global compact.',
      tabledBy: 'zhr',
    },
  ],

  positions: [
    // --- Paragraphs with broad support ---
    { stakeholder: 'ACIS', by: 'acis', target: onParagraph('pp1'), stance: 'support' },
    { stakeholder: 'ACIS', by: 'acis', target: onParagraph('pp3'), stance: 'support' },
    { stakeholder: 'DDG', by: 'ddg', target: onParagraph('pp3'), stance: 'support' },
    { stakeholder: 'ACIS', by: 'acis', target: onParagraph('op1'), stance: 'support' },
    { stakeholder: 'DDG', by: 'ddg', target: onParagraph('op1'), stance: 'support' },
    { stakeholder: 'VRD', by: 'vrd', target: onParagraph('op1'), stance: 'support' },
    { stakeholder: 'GMCA', by: 'obs2', target: onParagraph('op1'), stance: 'support' },

    // --- PP 9: the nature of the commitments ---
    {
      stakeholder: 'OSV',
      by: 'osv',
      target: onParagraph('pp9'),
      stance: 'objection',
      statement:
        'Ostreva can join consensus only on the "voluntary" option; anything else would have to go ' +
        'before our parliament.',
    },
    {
      stakeholder: 'ACIS',
      by: 'acis',
      target: onParagraph('pp9'),
      stance: 'reservation',
      statement:
        'The Alliance leans towards "politically binding" and is still consulting its members.',
    },

    // --- OP 2 (c), OP 4, OP 6, OP 8, OP 12: reservations ---
    {
      stakeholder: 'KDR',
      by: 'kdr',
      target: onParagraph('op2c'),
      stance: 'reservation',
      statement:
        'Kaldara must check with its energy regulator whether a ban on disconnection can apply to ' +
        'private utilities.',
    },
    {
      stakeholder: 'KDR',
      by: 'kdr',
      target: onParagraph('op4'),
      stance: 'reservation',
      statement: 'Our labour ministry is assessing the costs for small enterprises.',
    },
    { stakeholder: 'FOMW', by: 'cso1', target: onParagraph('op4'), stance: 'support' },
    {
      stakeholder: 'TVS',
      by: 'tvs',
      target: onParagraph('op6'),
      stance: 'reservation',
      statement:
        'Retrofitting existing social housing would need a long transition period and outside ' +
        'support.',
    },
    {
      stakeholder: 'ZHR',
      by: 'zhr',
      target: onParagraph('op8'),
      stance: 'reservation',
      statement:
        'Sharing health data across borders needs safeguards; we are consulting our data ' +
        'protection authority.',
    },
    { stakeholder: 'IUHO', by: 'obs1', target: onParagraph('op8'), stance: 'support' },
    { stakeholder: 'UMB', by: 'umb', target: onParagraph('op10'), stance: 'support' },
    { stakeholder: 'ACIS', by: 'acis', target: onParagraph('op12'), stance: 'support' },
    {
      stakeholder: 'OSV',
      by: 'osv',
      target: onParagraph('op12'),
      stance: 'reservation',
      statement:
        'Ostreva prefers a four-year cycle and is weighing the cost of a negotiated declaration.',
    },

    // --- OP 7: finance ---
    {
      stakeholder: 'HLV',
      by: 'hlv',
      target: onParagraph('op7'),
      stance: 'objection',
      statement:
        'Halvard cannot accept a finance paragraph addressed to one category of countries only; ' +
        'see our amendment.',
    },
    { stakeholder: 'DDG', by: 'ddg', target: onParagraph('op7'), stance: 'support' },
    { stakeholder: 'ACIS', by: 'acis', target: onParagraph('op7'), stance: 'support' },

    // --- am1: common but differentiated responsibilities in PP 6 ---
    { stakeholder: 'DDG', by: 'ddg', target: onAmendment('am1'), stance: 'support' },
    { stakeholder: 'ACIS', by: 'acis', target: onAmendment('am1'), stance: 'can-accept' },
    {
      stakeholder: 'HLV',
      by: 'hlv',
      target: onAmendment('am1'),
      stance: 'objection',
      statement:
        'That principle belongs to the climate regime; bringing it here reopens a debate this ' +
        'Compact does not need.',
    },
    {
      stakeholder: 'OSV',
      by: 'osv',
      target: onAmendment('am1'),
      stance: 'objection',
      statement: 'We do not see the principle as applicable to a framework of this kind.',
    },
    {
      stakeholder: 'STR',
      by: 'str',
      target: onAmendment('am1'),
      stance: 'reservation',
      statement: 'Santerra is awaiting instructions from capital.',
    },

    // --- am2: deleting "irrespective of migration status" in OP 3 ---
    {
      stakeholder: 'PEL',
      by: 'pel',
      target: onAmendment('am2'),
      stance: 'objection',
      statement:
        'No one should be turned away from a cooling centre because of their papers; heat does not ' +
        'check them.',
    },
    {
      stakeholder: 'HLV',
      by: 'hlv',
      target: onAmendment('am2'),
      stance: 'objection',
      statement: 'A public health measure fails if some residents are afraid to use it.',
    },
    {
      stakeholder: 'FOMW',
      by: 'cso1',
      target: onAmendment('am2'),
      stance: 'objection',
      statement:
        'Undocumented workers already avoid public buildings; without this phrase they will stay ' +
        'in overheated lodgings.',
    },

    // --- am3: guidance instead of [binding] limits in OP 4 ---
    { stakeholder: 'HLV', by: 'hlv', target: onAmendment('am3'), stance: 'support' },
    { stakeholder: 'DDG', by: 'ddg', target: onAmendment('am3'), stance: 'can-accept' },
    {
      stakeholder: 'TVS',
      by: 'tvs',
      target: onAmendment('am3'),
      stance: 'reservation',
      statement: 'Tavassa wants to see how "national guidance" would be monitored.',
    },
    {
      stakeholder: 'MRU',
      by: 'mru',
      target: onAmendment('am3'),
      stance: 'objection',
      statement:
        'Guidance alone has not protected workers in our ports and fisheries; we need enforceable ' +
        'limits.',
    },
    {
      stakeholder: 'FOMW',
      by: 'cso1',
      target: onAmendment('am3'),
      stance: 'objection',
      statement: 'Voluntary guidance leaves the most exposed workers with no remedy.',
    },

    // --- am4: national greening targets in OP 5 ---
    { stakeholder: 'DDG', by: 'ddg', target: onAmendment('am4'), stance: 'support' },
    {
      stakeholder: 'SLM',
      by: 'slm',
      target: onAmendment('am4'),
      stance: 'reservation',
      statement: 'Solmere wants a measurable target and is looking at alternative indicators.',
    },

    // --- am5: SIDS and LDCs in OP 7 ---
    { stakeholder: 'ACIS', by: 'acis', target: onAmendment('am5'), stance: 'support' },
    {
      stakeholder: 'NHR',
      by: 'nhr',
      target: onAmendment('am5'),
      stance: 'reservation',
      statement: 'Arid countries are just as exposed; Nahrim is wary of ranking vulnerabilities.',
    },

    // --- am6: widening the base of contributors in OP 7 ---
    { stakeholder: 'OSV', by: 'osv', target: onAmendment('am6'), stance: 'support' },
    {
      stakeholder: 'DDG',
      by: 'ddg',
      target: onAmendment('am6'),
      stance: 'objection',
      statement:
        'The amendment blurs the long-standing responsibility of developed countries to provide ' +
        'finance.',
    },
    {
      stakeholder: 'ACIS',
      by: 'acis',
      target: onAmendment('am6'),
      stance: 'reservation',
      statement:
        'The Alliance could consider a reference to international financial institutions only.',
    },

    // --- am7: schools, am8: compound coastal risks, am9: deleting OP 4 (b) ---
    { stakeholder: 'ACIS', by: 'acis', target: onAmendment('am7'), stance: 'support' },
    { stakeholder: 'DDG', by: 'ddg', target: onAmendment('am7'), stance: 'support' },
    { stakeholder: 'CFYA', by: 'cso3', target: onAmendment('am7'), stance: 'support' },
    { stakeholder: 'DDG', by: 'ddg', target: onAmendment('am8'), stance: 'can-accept' },
    {
      stakeholder: 'ZHR',
      by: 'zhr',
      target: onAmendment('am8'),
      stance: 'abstain',
      statement: 'This concerns coastal States above all; Zahiran will not stand in the way.',
    },
    {
      stakeholder: 'MRU',
      by: 'mru',
      target: onAmendment('am9'),
      stance: 'objection',
      statement: 'The right to leave a dangerous workplace is the core of this paragraph.',
    },
    {
      stakeholder: 'PEL',
      by: 'pel',
      target: onAmendment('am9'),
      stance: 'objection',
      statement: 'Pelenoa cannot accept losing the only protection that works on the day itself.',
    },
  ],

  comments: [
    {
      key: 'c1',
      paragraph: 'op4c',
      quote: 'informal, seasonal and migrant workers',
      body:
        'Please also cover workers hired through labour brokers and recruitment agencies; in our ' +
        'experience they are the ones left out when a heat rule comes in.',
      by: 'cso1',
    },
    {
      key: 'c2',
      paragraph: 'op3',
      quote: 'accessible cooling centres',
      body:
        'Our members find that cooling centres stay half empty unless people can reach them. ' +
        'Free public transport on alert days would make "accessible" real.',
      by: 'cso2',
    },
    {
      key: 'c3',
      paragraph: 'op8',
      quote: 'excess-mortality estimates',
      body:
        'IUHO can make available a common method for these estimates so that figures from ' +
        'different countries can be compared.',
      by: 'obs1',
    },
    {
      key: 'c4',
      paragraph: 'op8',
      body:
        "Thank you. The co-facilitators suggest the method is taken up in the Platform's guidance " +
        'rather than in the text itself.',
      by: 'chair2',
      replyTo: 'c3',
    },
    {
      key: 'c5',
      paragraph: 'op12',
      quote: 'local governments, civil society and relevant international organizations',
      body:
        'Young people run much of the local heat work in our cities; we ask that youth be named ' +
        'among the participants of the Review Forum.',
      by: 'cso3',
    },
    {
      key: 'c6',
      paragraph: 'op1',
      quote: 'at least three days in advance',
      body:
        'Three days is within reach of most national services. Some small island services may need ' +
        'a transition period; the Agency can support them.',
      by: 'obs2',
      resolved: true,
    },
    {
      key: 'c7',
      paragraph: 'op10',
      quote: 'within existing resources',
      body:
        'Secretariat note: a platform of this scope would need about four additional posts. A ' +
        'statement of programme budget implications will be circulated before the next round.',
      by: 'secretariat',
    },
    {
      key: 'c8',
      paragraph: 'op5',
      quote: 'by 30 per cent by 2035',
      body:
        'Whatever target is agreed, measure it as shade at street level in the hottest districts, ' +
        'not as a city-wide average.',
      by: 'cso2',
    },
  ],
  roundtable: {
    theme: 'Working safely through the hottest hours',
    // One island state and one dryland state, as co-chairs are customarily paired.
    coChairs: ['PEL', 'NHR'],
    inDays: 3,
    covers: ['op4', 'op4a', 'op4b', 'op4c'],
    invited: ['FOMW', 'HCAN', 'IUHO'],
    background:
      'Outdoor work does not stop when a heatwave starts: farm hands, builders, couriers and ' +
      'street vendors carry much of the risk, and many of them work informally or far from home. ' +
      'Operative paragraph 4 is where the draft speaks to them, and the first reading showed the ' +
      'room agreeing on the aim while parting ways on the means.\n\n' +
      'Delegations broadly accept water, shade and rest. They differ on whether heat limits should ' +
      'be binding, on a right to stop work without loss of pay, and on how far the paragraph ' +
      'should reach into informal and seasonal work. This roundtable is a chance to look for ' +
      'wording that protects workers and that every capital can carry home.',
    guidingQuestions: [
      'Can the paragraph set a floor of protection without prescribing how each State regulates heat at work?',
      'What would make a right to stop work in dangerous heat workable for small employers?',
      'How can informal, seasonal and migrant workers be reached where labour inspection does not go?',
    ],
    signedOffBy: ['PEL'],
  },
};
