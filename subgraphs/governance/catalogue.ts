/**
 * The governance service's own entries in the resource catalogue. The catalogue is public information (what
 * exists, who owns it, how to ask for it); policies and a caller's own access are for signed-in callers.
 */
import { defineCatalogue, field } from '../../auth';

const open = field('UNCONDITIONAL', { open: true });
const government = field('UNCONDITIONAL');

export const catalogue = defineCatalogue('data-bureau', {
  CatalogueType: { description: 'A catalogued information resource.', fields: { name: open, owner: open, description: open, regionField: open, fields: open } },
  CatalogueField: { description: 'A catalogued field.', fields: { name: open, owner: open, sharing: open, open, sensitivity: open, mask: open, description: open } },
  TypeAccess: { description: "The caller's own access to a type.", fields: { type: open, fields: open } },
  FieldAccess: { description: "The caller's own access to a field.", fields: { field: open, decision: open, reason: open, source: open, sourceId: open, dependsOnRecord: open } },
  RolePolicy: { description: 'A role policy in force.', fields: { id: government, dept: government, role: government, description: government, rules: government } },
});
