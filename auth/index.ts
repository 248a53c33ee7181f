// The authorization layer's public API. Everything here is pure except tokens.ts.
export { DEPARTMENTS, ROLES, ACTIONS, isDepartment, isRole, isAction } from './vocabulary';
export type { Department, Role, Action } from './vocabulary';
export { isRegionCode, regionPrefix } from './region';
export { PUBLIC_PRINCIPAL, principalKey, isRecognisedGovernment } from './principal';
export type { Principal } from './principal';
export {
  ErrorCode,
  AuthenticationError,
  PolicyError,
  CatalogueError,
  forbiddenError,
  unauthenticatedError,
  badPolicyError,
} from './errors';
export {
  ACCEPTED_ALGORITHMS,
  DEV_KID_PREFIX,
  createTokenVerifier,
  ensureDevKeys,
  signToken,
  isDevelopmentKey,
  hasDevelopmentKey,
} from './tokens';
export type { TokenVerifier, TokenVerifierOptions, TokenClaims, SignOptions } from './tokens';
export {
  SHARING_TYPES,
  SENSITIVITIES,
  MASK_STRATEGIES,
  field,
  defineCatalogue,
  mergeCatalogues,
  checkCatalogue,
  catalogueEntryProblems,
  derivationProblems,
  derivedSource,
  defineEvents,
  eventProblems,
} from './catalogue';
export type {
  SharingType,
  Sensitivity,
  MaskStrategy,
  FieldEntry,
  TypeCatalogue,
  Catalogue,
  FieldSpec,
  TypeSpec,
  CatalogueProblem,
  EventEntry,
  EventCatalogue,
} from './catalogue';
export { PLACEHOLDERS, parseConditions } from './conditions';
export type { ConditionNode, PlaceholderName } from './conditions';
export { compilePolicies, checkPolicies, checkGrant, FIELD_SELECTOR_KEYS, SUBJECT_SELECTOR_KEYS } from './policies';
export type { PolicyRule, RolePolicy, Grant } from './policies';
export { buildAbility } from './abilities';
export type { RequestAbility, BuildAbilityInput, RuleSource, AuthzCaslAbility } from './abilities';
export { fieldDecision, explainField, allows, conditionFields, fieldDecisionInScope, mayAggregate, conditionalRules } from './decisions';
export type { FieldDecision, FieldExplanation } from './decisions';
export { maskValue, maskIdNumber, maskName, maskPhone, maskAddress, maskBirthDate, maskCoordinates } from './masking';
export { rowFilter, toMikroOrmWhere } from './row-filter';
export type { RowFilter, RowFilterOptions } from './row-filter';
export { validateDocument, runPolicyTests, diffDocuments, unifiedDiff, policyImpact, testsCovering, testPrincipal, parseJsonDocument, TEST_EXPECTATIONS } from './policy-document';
export type { FieldKind, FieldKinds, PolicyTest, PolicyTestCaller, PolicyProblem, CosignRequirement, ValidatedDocument, PolicyTestResult, DocumentChange, AccessChange } from './policy-document';
export { describeCondition, describeRuleCondition } from './describe-condition';
export { applyPolicyEdits, cellOptions, matrixPolicyId, CELL_DECISIONS, RULE_KEYS, EditError } from './policy-edits';
export type { PolicyEdit, CellDecision, CellDecider, CellTarget, CellOption, EditedDocument, FieldFacts, RuleKey } from './policy-edits';
export { conditionVocabulary, CONDITION_COMBINATORS } from './condition-vocabulary';
export type { ConditionField, ConditionOperator } from './condition-vocabulary';
