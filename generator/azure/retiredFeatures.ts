/**
 * Retired Automation features a config might ask for by name. armgen has no field for them; a key that names one is
 * refused with the retirement and its replacement instead of a bare "unknown key" (validate/describeError.ts).
 */

export interface RetiredFeature {
  /** What was retired, and when. */
  readonly retired: string;
  /** What replaces it. */
  readonly replacement: string;
  readonly doc: string;
}

const UPDATE_MANAGEMENT: RetiredFeature = {
  // "Automation Update Management has retired on 31 August 2024 and we recommend that you use Azure Update Manager."
  retired: 'Automation Update Management (the Updates solution and its software update configurations) retired on 31 August 2024',
  replacement: 'Azure Update Manager and its maintenance configurations (resources outside the Automation account)',
  doc: 'https://learn.microsoft.com/azure/automation/update-management/overview',
};

const GALLERY_SOLUTIONS: RetiredFeature = {
  // "On 31 August 2024, both Automation Update Management and the Log Analytics agent it uses will be retired."
  retired:
    'the Log Analytics gallery solutions Automation linked to (Microsoft.OperationsManagement/solutions such as Updates and ChangeTracking) ran on Update Management and the Log Analytics agent, both retired on 31 August 2024',
  replacement: 'Azure Update Manager for updates and Change Tracking and Inventory with the Azure Monitor Agent',
  doc: 'https://learn.microsoft.com/azure/automation/update-management/overview',
};

/** Config keys (compared case-insensitively, at any level) that name a retired feature. */
const RETIRED_KEYS: ReadonlyMap<string, RetiredFeature> = new Map([
  ['updatemanagement', UPDATE_MANAGEMENT],
  ['softwareupdateconfigurations', UPDATE_MANAGEMENT],
  ['softwareupdateconfiguration', UPDATE_MANAGEMENT],
  ['updatedeployments', UPDATE_MANAGEMENT],
  ['solutions', GALLERY_SOLUTIONS],
  ['gallerysolutions', GALLERY_SOLUTIONS],
]);

/** The retired feature a config key names, if any. */
export function retiredFeatureOfKey(key: string): RetiredFeature | undefined {
  return RETIRED_KEYS.get(key.toLowerCase());
}

/** The refusal: what was retired, what replaces it, where it is written. */
export function retiredFeatureMessage(key: string, feature: RetiredFeature): string {
  return `'${key}' is not supported: ${feature.retired}; use ${feature.replacement} instead (${feature.doc}).`;
}
