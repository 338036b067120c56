export { buildTarget, diskBytes, type BuiltTarget } from './bundle.ts';
export { copyPackageClosure, findPackageDir } from './externals.ts';
export { rdsCertificates, writeRdsCaBundle } from './rds-ca.ts';
export { EXTERNAL_PACKAGES, isTargetName, TARGETS, type Target, type TargetName } from './targets.ts';
