import type { Expr } from './expr.js';
import type { ResourceRef } from './resourceRef.js';
import type { StarterRunbookView } from './starterRunbook.js';
import type { DeploymentSummary } from './summary.js';

/**
 * The resolved model: language-neutral, every default and dependency explicit, collections in their final
 * order. It holds no ARM or Bicep text: the printers in render/arm and render/bicep write their own syntax
 * from it, and templates see only the views those printers build.
 */
export interface ResolvedModel {
  /** The config's base name (`NAME` of `NAME.yaml`): the output folder. */
  readonly name: string;
  readonly template: TemplateModel;
  readonly parameterFiles: readonly ParameterFileModel[];
  /** Files staged next to the template (runbook scripts), relative to the output folder. */
  readonly extraFiles: readonly ExtraFile[];
  /** What the deployment is, in the config's terms, for documents about it (the README); templates ignore it. */
  readonly summary: DeploymentSummary;
}

/** Where a template deploys: the deployment's resource group, or a subscription (inner templates only). */
export type TemplateScope = 'resourceGroup' | 'subscription';

export interface TemplateModel {
  readonly scope: TemplateScope;
  readonly parameters: readonly TemplateParameter[];
  readonly resources: readonly TemplateNode[];
  readonly outputs: readonly TemplateOutput[];
  /** Existing resources this template points at, in declaration order (Bicep declares the used ones). */
  readonly existing: readonly ResourceRef[];
}

export type ParameterType = 'string' | 'securestring' | 'int' | 'bool' | 'object' | 'secureObject' | 'array';

export interface TemplateParameter {
  readonly name: string;
  readonly type: ParameterType;
  readonly description?: string;
  readonly defaultValue?: Expr;
  readonly allowedValues?: Expr;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minValue?: number;
  readonly maxValue?: number;
}

export type TemplateNode = ResourceNode | ModuleNode;

/** A resource this template deploys. Its name, type, parent and extension scope come from `ref`. */
export interface ResourceNode {
  readonly kind: 'resource';
  readonly ref: ResourceRef;
  /** Deploy only when this evaluates to true (ARM `condition`, Bicep `= if (...)`). */
  readonly condition?: Expr;
  readonly location?: Expr;
  readonly tags?: Expr;
  readonly sku?: Expr;
  readonly identity?: Expr;
  readonly properties?: Expr;
  /** Ordering beyond what references imply; created resources of this template only. */
  readonly dependsOn: readonly ResourceRef[];
}

/**
 * A deployment into another scope: an inner template (the one parameter table both languages use) with the
 * values handed to it. ARM inlines it as an inner-scoped `Microsoft.Resources/deployments`; Bicep writes the
 * inner template as a module file and calls it. Nothing but the parameter values crosses over.
 */
export interface ModuleNode {
  readonly kind: 'module';
  /**
   * The deployment itself (`Microsoft.Resources/deployments`): symbol, API version, name (unique per deploying
   * resource group, identical in both languages) and the scope its record lives in, so others can depend on it.
   */
  readonly ref: ResourceRef;
  /** What the module does; with the target it names the Bicep module file. */
  readonly purpose: string;
  readonly target: ModuleTarget;
  readonly template: TemplateModel;
  /** Values for the inner template's parameters (absent ones take the inner default). */
  readonly parameters: readonly { readonly name: string; readonly value: Expr }[];
  readonly dependsOn: readonly ResourceRef[];
}

/**
 * Where a module deploys: a resource group (without `resourceGroup`, the deployment's own), or a subscription
 * (ARM needs a location to keep the deployment's record). A module that works on one resource of the group names
 * it in `resource`: Bicep needs its type at compile time (undefined when only known at deployment).
 */
export type ModuleTarget =
  | {
      readonly kind: 'resourceGroup';
      readonly subscriptionId?: Expr;
      readonly resourceGroup?: Expr;
      /** The one resource the module works on: its type, and the resource itself when this template knows it. */
      readonly resource?: { readonly type?: string; readonly ref?: ResourceRef };
    }
  | { readonly kind: 'subscription'; readonly subscriptionId?: Expr; readonly location: Expr };

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

export interface KeyVaultReference {
  readonly vaultId: string;
  readonly secretName: string;
  readonly secretVersion?: string;
}

/**
 * A value of a parameter file: literal, a Key Vault reference, or read from the deploying pipeline's environment
 * (Bicep's `readEnvironmentVariable('X')`; an ARM parameter file cannot, so it leaves the value to the deployment
 * command).
 */
export type ParameterValue =
  | { readonly name: string; readonly value: Expr }
  | { readonly name: string; readonly keyVaultReference: KeyVaultReference }
  | { readonly name: string; readonly environmentVariable: string };

/** A file staged beside the template: a copy of the user's script, or a starter runbook render/ writes. */
export type ExtraFile =
  | { readonly kind: 'copy'; readonly path: string; readonly content: string }
  | { readonly kind: 'starter'; readonly path: string; readonly view: StarterRunbookView };
