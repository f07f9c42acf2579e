/**
 * Extraction rules: each finds one kind of term in one text and reports
 * candidates. They are anchored on closed word lists (titles, byline roles,
 * the gazetteer, organisation and site suffixes, quotation marks) so that
 * what they return is a name with high probability; the builder then pools
 * candidates over the archive.
 */
export type { ArticleContext, Candidate } from './candidate.js';
export { extractBylineField, extractBylines, bylineNames } from './bylines.js';
export { extractGeneric, extractBySuffix, extractNamedBodies, shortBodyNames } from './organisations.js';
export { extractAdministrative, extractShortStateBodies, extractLaunchSites, foreignPlaceNames, extractBareVillages, extractCommunities, extractLocalities, extractRailways, extractRivers, extractRoads, homeProvinces, homeProvincesSteps, homeFromCounts, provinceMentions } from './places.js';
export { extractAppointments, extractPeopleBeforeTitles, extractTitledPeople, looksLikeName, nameAt, resolveRole } from './people.js';
export { extractPolicies, looseNumeralLed, programmeNames, quotedPolicy, quotedSpans } from './slogans.js';
