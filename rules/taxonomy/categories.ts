// The personal-data categories (DESIGN.md §3): dotted keys, parent first, with the
// GDPR article that makes a category special and the fideslang / W3C DPV terms used on export.

/** Sensitivity that decides which declarations a category needs (special ones need an Art. 9 basis). */
export type LegalClass = 'ordinary' | 'special' | 'criminal';

export interface CategoryInfo {
  readonly key: string;
  readonly label: string;
  readonly description: string;
  readonly legal: LegalClass;
  /** fideslang 3 data category. */
  readonly fideslang: string;
  /** W3C DPV personal-data term (pd: prefix, https://w3id.org/dpv/pd#). */
  readonly dpv: string;
}

function category(key: string, label: string, description: string, fideslang: string, dpv: string, legal: LegalClass = 'ordinary'): CategoryInfo {
  return { key, label, description, legal, fideslang, dpv };
}

/** Every built-in category, parents before children. */
export const BUILT_IN_CATEGORIES: readonly CategoryInfo[] = [
  category('name', 'Name', 'first, last, full, display, middle or maiden name, nickname', 'user.name', 'pd:Name'),
  category('contact', 'Contact details', 'any way to reach a person', 'user.contact', 'pd:Contact'),
  category('contact.email', 'Email address', 'an email address', 'user.contact.email', 'pd:EmailAddress'),
  category('contact.phone', 'Phone number', 'a telephone, mobile or fax number', 'user.contact.phone_number', 'pd:TelephoneNumber'),
  category('contact.address', 'Postal address', 'street, city, postcode, region or country of a person’s address', 'user.contact.address', 'pd:PhysicalAddress'),
  category('contact.other', 'Other contact point', 'messenger ids, chat webhooks, personal URLs', 'user.contact', 'pd:Contact'),
  category('identifier', 'Identifier', 'a value that singles a person out', 'user.unique_id', 'pd:Identifier'),
  category('identifier.username', 'Username', 'login, handle, screen name', 'user.account.username', 'pd:Username'),
  category('identifier.government', 'Government identifier', 'national id, SSN, passport, driving licence, tax id', 'user.government_id', 'pd:OfficialID'),
  category('identifier.device', 'Device identifier', 'device id, advertising id, push token, user agent', 'user.device.device_id', 'pd:DeviceBased'),
  category('identifier.online', 'Online identifier', 'IP address, cookie or session id, external account id', 'user.device.cookie_id', 'pd:OnlineIdentifier'),
  category('identifier.internal_id', 'Internal person id', 'a key that points at a person record', 'user.unique_id', 'pd:Identifier'),
  category('location', 'Location', 'geolocation, coordinates, time zone of a person', 'user.location', 'pd:Location'),
  category('demographic', 'Demographic data', 'date of birth, age, gender, nationality, language, marital status', 'user.demographic', 'pd:Demographic'),
  category('financial', 'Financial data', 'card and bank account numbers, income, billing details', 'user.financial', 'pd:Financial'),
  category('credential', 'Credential', 'password, hash, secret, token, recovery code of a person', 'user.authorization.credentials', 'pd:Authenticating'),
  category('behavior', 'Behaviour', 'what a person does', 'user.behavior', 'pd:Behavioural'),
  category('behavior.activity', 'Activity', 'history, last-seen and login times, preferences', 'user.behavior', 'pd:Behavioural'),
  category('social', 'Social profile', 'social network handle or profile URL (public data is still personal)', 'user.contact.social_url', 'pd:SocialMedia'),
  category('image', 'Image', 'photo, avatar, voice or video of a person', 'user.content.self_image', 'pd:Picture'),
  category('employment', 'Employment', 'job title, employer, employee number, department', 'user.professional_information', 'pd:Professional'),
  category('free_text', 'Free text', 'notes, comments and messages by or about a person', 'user.content.private', 'pd:Communication'),
  category('special', 'Special category (Art. 9)', 'data that GDPR Art. 9 protects', 'user', 'pd:SpecialCategoryPersonalData', 'special'),
  category('special.health', 'Health', 'medical data, diagnoses, allergies, medication, disability', 'user.health', 'pd:Health', 'special'),
  category('special.biometric', 'Biometric', 'fingerprints, face geometry, voice prints used to identify', 'user.biometrics', 'pd:Biometric', 'special'),
  category('special.genetic', 'Genetic', 'DNA and genetic test results', 'user.health.genetic', 'pd:Genetic', 'special'),
  category('special.ethnicity', 'Racial or ethnic origin', 'race, ethnicity', 'user.demographic.race_ethnicity', 'pd:EthnicOrigin', 'special'),
  category('special.religion', 'Religion or belief', 'religious or philosophical beliefs', 'user.demographic.religious_belief', 'pd:Religion', 'special'),
  category('special.political', 'Political opinion', 'political opinions and affiliations', 'user.demographic.political_opinion', 'pd:PoliticalOpinion', 'special'),
  category('special.trade_union', 'Trade union membership', 'membership of a trade union', 'user.demographic.union_membership', 'pd:TradeUnionMembership', 'special'),
  category('special.sexual', 'Sex life or orientation', 'sex life and sexual orientation', 'user.demographic.sexual_orientation', 'pd:SexualOrientation', 'special'),
  category('criminal', 'Criminal convictions (Art. 10)', 'convictions, offences, criminal records', 'user.criminal_history', 'pd:Criminal', 'criminal'),
  category('other', 'Other personal data', 'personal, but none of the above', 'user', 'pd:PersonalData'),
];
