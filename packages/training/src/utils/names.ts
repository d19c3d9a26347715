/** Normalises an identifier as ClassTable does: 'glorot_uniform', 'glorotUniform' and 'GlorotUniform' are one name. */
export function identifierKey(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}
