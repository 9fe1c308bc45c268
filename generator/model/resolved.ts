import type { Expr } from '../arm/expr.js';

/**
 * The resolved model: ARM-shaped, every default and dependency explicit, collections in their final
 * order. Templates (ARM and Bicep) see only this; they hold no logic beyond if/each/partials.
 */
export interface ResolvedModel {
  /** The config's base name (`NAME` of `NAME.yaml`): the output folder. */
  readonly name: string;
  readonly template: TemplateModel;
  readonly parameterFiles: readonly ParameterFileModel[];
  /** Files copied or generated next to the template (runbook scripts), relative to the output folder. */
  readonly extraFiles: readonly ExtraFile[];
  /** Non-fatal findings from resolve (least-privilege advice and the like). */
  readonly warnings: readonly ResolveWarning[];
}

export interface TemplateModel {
  readonly schema: string;
  readonly parameters: readonly TemplateParameter[];
  readonly resources: readonly ArmResource[];
  readonly outputs: readonly TemplateOutput[];
  /** Resources the template uses but does not deploy: Bicep `existing` declarations (ARM needs none). */
  readonly existing: readonly ExistingResource[];
}

export interface ExistingResource {
  readonly symbol: string;
  readonly type: string;
  readonly apiVersion: string;
  readonly name: Expr;
  readonly subscriptionId?: Expr;
  readonly resourceGroup?: Expr;
}

export type ParameterType = 'string' | 'securestring' | 'int' | 'bool' | 'object' | 'secureObject' | 'array';

export interface TemplateParameter {
  readonly name: string;
  readonly type: ParameterType;
  readonly secure: boolean;
  readonly description?: string;
  readonly defaultValue?: Expr;
  readonly allowedValues?: Expr;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minValue?: number;
  readonly maxValue?: number;
}

/** Which partial renders a resource; one per resource kind. */
export type ResourceKind =
  | 'automationAccount'
  | 'userAssignedIdentity'
  | 'federatedIdentityCredential'
  | 'roleAssignment'
  | 'deployment'
  | 'child';

export interface ArmResource {
  readonly kind: ResourceKind;
  /** Bicep symbolic name, unique within its template. */
  readonly symbol: string;
  readonly type: string;
  readonly apiVersion: string;
  readonly name: Expr;
  /** Deploy only when this evaluates to true (ARM `condition`, Bicep `= if (...)`). */
  readonly condition?: Expr;
  /** Bicep: the short child name with `parent:` (when set); ARM uses `name`. */
  readonly parent?: { readonly symbol: string; readonly name: Expr };
  readonly scope?: Expr;
  readonly location?: Expr;
  readonly tags?: Expr;
  readonly sku?: Expr;
  readonly identity?: Expr;
  readonly properties?: Expr;
  /** ARM `dependsOn` entries (resourceId expressions) and the Bicep symbols they stand for. */
  readonly dependsOn: readonly Dependency[];
  readonly deployment?: NestedDeployment;
  /** Bicep `@batchSize(1)`-style serial writes are expressed as an explicit dependsOn chain instead. */
  readonly description?: string;
}

export interface Dependency {
  readonly arm: Expr;
  readonly symbol: string;
}

/** A `Microsoft.Resources/deployments` resource that reaches another resource group or a subscription. */
export interface NestedDeployment {
  readonly target: 'resourceGroup' | 'subscription';
  readonly subscriptionId?: Expr;
  readonly resourceGroup?: Expr;
  readonly location?: Expr;
  /** Values handed to the inner template (inner expression scope: nothing else crosses over). */
  readonly parameters: readonly { readonly name: string; readonly value: Expr }[];
  readonly template: TemplateModel;
  /** Bicep module file (relative to main.bicep) that expresses this deployment. */
  readonly bicepModule: string;
}

export interface TemplateOutput {
  readonly name: string;
  readonly type: 'string' | 'object' | 'array' | 'int' | 'bool';
  readonly value: Expr;
  readonly description?: string;
}

export interface ParameterFileModel {
  /** undefined for the default file. */
  readonly environment?: string;
  readonly values: readonly ParameterValue[];
}

export interface ParameterValue {
  readonly name: string;
  readonly value?: Expr;
  readonly keyVaultReference?: { readonly vaultId: string; readonly secretName: string; readonly secretVersion?: string };
}

export interface ExtraFile {
  readonly path: string;
  readonly content: string;
}

export interface ResolveWarning {
  readonly pointer: string;
  readonly code: 'AG700' | 'AG500';
  readonly message: string;
}
