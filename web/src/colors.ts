/** ACLED's six event types and the colours the map, legend, table and histogram share. */
export const EVENT_TYPES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
] as const;

// colour-blind-safe (Okabe–Ito based), distinct on the pale basemap
export const TYPE_COLORS: Record<string, string> = {
  'Battles': '#d55e00',
  'Explosions/Remote violence': '#7b3294',
  'Violence against civilians': '#c51b7d',
  'Protests': '#0072b2',
  'Riots': '#e69f00',
  'Strategic developments': '#009e73',
};
export const OTHER_COLOR = '#6b7280';

export const SUB_EVENT_TYPES: Record<string, string[]> = {
  'Battles': ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': ['Chemical weapon', 'Air/drone strike', 'Suicide bomb', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Grenade'],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  'Protests': ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  'Riots': ['Violent demonstration', 'Mob violence'],
  'Strategic developments': ['Agreement', 'Arrests', 'Change to group/activity', 'Disrupted weapons use', 'Headquarters or base established', 'Looting/property destruction', 'Non-violent transfer of territory', 'Other'],
};

export function typeColor(type: string): string {
  return TYPE_COLORS[type] ?? OTHER_COLOR;
}

export const REVIEW_STATES = ['unreviewed', 'confirmed', 'corrected', 'rejected'] as const;
