// Words the classifier reads identifiers with: personal-data terms with their category and how much
// context they need, nouns that denote people / things / records about people, and the affixes
// that change what a name means. Data only; the engine's classifier interprets it.
import { table } from '../lib/tables';

/**
 * How a term behaves:
 * - `direct`: personal wherever a person could be described (email, phone, first name);
 * - `contextual`: personal only inside a person or a record about a person (name, city, locale);
 * - `address`: an address component, personal only inside an address of a person (state, company);
 * - `secret`: a credential of whoever owns the record: personal unless the record is a system's.
 */
export type TermStrength = 'direct' | 'contextual' | 'address' | 'secret';

export interface Term {
  /** Normalised words, in order, e.g. ['first', 'name']. */
  readonly words: readonly string[];
  readonly category: string;
  readonly strength: TermStrength;
  /** Describes only people, never an organisation, place or system (first name, date of birth). */
  readonly personOnly?: boolean;
  /** A boolean can still be this data (isOnline, hasDisability, isPregnant). */
  readonly flag?: boolean;
  /**
   * Contextual, and only on the person's own record (or with a person modifier): a `locale` on a
   * user is theirs, on an address form or a table column it is the interface's.
   */
  readonly strictContext?: boolean;
}

function terms(category: string, strength: TermStrength, phrases: string, extra: Partial<Pick<Term, 'personOnly' | 'flag' | 'strictContext'>> = {}): Term[] {
  return phrases
    .split(',')
    .map((phrase) => phrase.trim())
    .filter((phrase) => phrase.length > 0)
    .map((phrase) => ({ words: phrase.split(' '), category, strength, ...extra }));
}

/** Personal-data terms. Longer phrases win over shorter ones that they contain. */
export const TERMS: readonly Term[] = [
  // Names (the English phrases plus common non-English field names).
  ...terms('name', 'direct', 'first name, last name, given name, family name, middle name, maiden name, surname, surnames, full name, fullname, forename, fname, lname, nickname, nick name, legal name, real name, birth name, vorname, nachname, prenom, apellido, apellidos, cognome, sobrenome, voornaam, achternaam, tussenvoegsel, familienname', { personOnly: true }),
  ...terms('name', 'contextual', 'name, names, display name, preferred name, nombre, nome, nom'),
  // Contact.
  ...terms('contact.email', 'direct', 'email, emails, e mail, email address, mail address, courriel, correo, correo electronico, epost'),
  ...terms('contact.email', 'contextual', 'mail'),
  ...terms('contact.phone', 'direct', 'contact number, phone, phones, phone number, telephone, tel, mobile, mobile number, mobile phone, cell, cellphone, cell phone, msisdn, fax, fax number, telefon, telefono, telefone, celular, handynummer, telefoonnummer, landline, whatsapp number'),
  ...terms('contact.address', 'direct', 'street, street address, street name, street number, address line, house number, postal code, postcode, post code, zip, zip code, zipcode, postal address, home address, mailing address, shipping address, billing address, residential address, strasse, hausnummer, plz, code postal, codigo postal, direccion, endereco, cep, indirizzo, adresse, adres, woonplaats'),
  ...terms('contact.address', 'contextual', 'address, addresses, addr, city, town, country, country code, ville, ciudad, cidade, citta, ort, stadt, land'),
  ...terms('contact.address', 'address', 'state, province, region, county, district, company, suite, apartment, apt, building, floor, neighborhood, neighbourhood, landmark, locality, area, prefecture, line'),
  ...terms('contact.other', 'contextual', 'webhook url, chat webhook url, chat id, telegram, telegram id, skype, discord, discord id, slack id, slack user id, wechat, signal number, messenger id, im handle, whatsapp'),
  // Identifiers.
  ...terms('identifier.username', 'direct', 'username, user name, login name, screen name, screenname, user handle, gamertag'),
  ...terms('identifier.username', 'contextual', 'login, handle, alias, identifier'),
  ...terms('identifier.government', 'direct', 'ssn, social security number, social security, national id, national identification number, national insurance number, passport, passport number, passport no, driver license, drivers license, driving licence, driver licence, licence number, license number, tax id, tax number, taxpayer id, tin, nino, nin, sin, aadhaar, cpf, dni, nie, nif, curp, rut, bsn, steuer id, personalausweis, id card, id card number, identity card, identity number, voter id, social insurance number, medicare number, nhs number, codice fiscale', { personOnly: true }),
  ...terms('identifier.government', 'contextual', 'vat number, vat id, id number'),
  ...terms('identifier.device', 'direct', 'device id, device ids, device token, device tokens, push token, push tokens, fcm token, apns token, idfa, idfv, gaid, aaid, advertising id, ad id, user agent, useragent, imei, mac address, installation id, browser fingerprint, device fingerprint'),
  ...terms('identifier.device', 'contextual', 'fingerprint, serial number'),
  ...terms('identifier.online', 'direct', 'ip, ip address, ips, ip addr, ipv4, ipv6, remote addr, remote address, remote ip, client ip, session id, cookie id, visitor id, anonymous id, anon id, tracking id, provider account id, provider user id, oauth id, openid, google id, facebook id, apple id, github id'),
  ...terms('identifier.online', 'contextual', 'external id, sub'),
  // Location.
  ...terms('location', 'direct', 'latitude, longitude, lat, lng, geo, geolocation, geo location, coordinates, coords, gps, geohash, geopoint, geo point, current location, last location, home location'),
  ...terms('location', 'contextual', 'location, locations'),
  ...terms('location', 'contextual', 'time zone, timezone, tz', { strictContext: true }),
  // Demographic.
  ...terms('demographic', 'direct', 'date of birth, dob, birth date, birthdate, birthday, birth year, year of birth, birth place, place of birth, gender, sex, nationality, citizenship, marital status, pronouns, pronoun, geburtsdatum, fecha nacimiento, data nascimento, date naissance, sexe, genero, geschlecht', { personOnly: true }),
  ...terms('demographic', 'contextual', 'age, locale, language, languages, preferred language, preferred locale, salutation, title prefix', { strictContext: true }),
  // Financial.
  ...terms('financial', 'direct', 'iban, bank account, bank account number, account number, routing number, sort code, card number, credit card, credit card number, cc number, debit card, cvv, cvc, card cvc, card expiry, salary, income, wage, wages, credit score, net worth, annual income, tax return'),
  ...terms('financial', 'contextual', 'payment method, payment methods, card, cards, stripe customer id, billing details, balance'),
  // Credentials.
  ...terms('credential', 'secret', 'password, passwords, passwd, pwd, passphrase, password hash, hashed password, pin, pin code, otp, otp secret, totp, totp secret, mfa secret, two factor secret, 2fa secret, recovery code, recovery codes, backup code, backup codes, security question, security answer, access token, refresh token, id token, auth token, bearer token, reset token, password reset token, reset password token, verification token, verification code, confirmation token, confirmation code, invitation token, invite token, magic link token, login token, one time password, secret, token, tokens, hash, private key, jwt, credentials, credential'),
  ...terms('identifier.online', 'secret', 'session token, session'),
  // Behaviour.
  ...terms('behavior.activity', 'direct', 'purchase history, browsing history, search history, viewing history, watch history, order history, location history, last login, last login at, last logged in, last seen, last seen at, last active, last active at, last online, last online at, last activity, last visit, last visited, last access, last accessed, last sign in, last signed in, failed login, failed logins, failed login attempts, login attempts, login count'),
  ...terms('behavior.activity', 'contextual', 'is online, online, seen, last used, interests, activity, activities, last selected, last read, last opened, opened at, clicked at, viewed at, seen at, answer date, answered at, last failed attempt', { flag: true }),
  // Social.
  ...terms('social', 'direct', 'twitter, twitter handle, facebook, facebook url, instagram, linkedin, linkedin url, tiktok, mastodon, social profile, social profiles, social url, social handle, social links'),
  ...terms('social', 'contextual', 'github, youtube, website, homepage, profile url, blog url, personal website'),
  // Images and recordings of a person.
  ...terms('image', 'direct', 'avatar, avatars, avatar url, profile photo, profile picture, profile image, profile pic, photo, photos, selfie, headshot, portrait, face image, voice recording', { personOnly: false }),
  ...terms('image', 'contextual', 'image, picture, image url, picture url, photo url', { strictContext: true }),
  // Employment.
  ...terms('employment', 'direct', 'job title, job, occupation, profession, employer, employee number, employee id, staff number, hire date, hired at, work email, department', { personOnly: true }),
  ...terms('employment', 'contextual', 'company name, position, manager, seniority'),
  // Free text written by or about a person.
  ...terms('free_text', 'contextual', 'note, notes, comment, comments, bio, biography, about me, message, messages, content, reason, ban reason, feedback, remarks, memo, review, answer, answers'),
  // GDPR Art. 9 special categories.
  ...terms('special.health', 'direct', 'health, medical, diagnosis, diagnoses, allergy, allergies, medication, medications, prescription, prescriptions, disability, disabilities, blood type, blood group, symptom, symptoms, treatment, treatments, illness, illnesses, disease, diseases, vaccination, vaccinations, vaccination status, pregnancy, pregnant, bmi, mental health, therapy, injury, injuries, sick leave, health insurance number, medical record, medical history, medical condition, health condition, chronic condition', { personOnly: true, flag: true }),
  ...terms('special.health', 'contextual', 'weight, height, condition, conditions', { flag: true }),
  ...terms('special.biometric', 'direct', 'biometric, biometrics, face id, face template, face embedding, face encoding, iris, iris scan, retina, retina scan, voiceprint, voice print, palm print, fingerprint template, gait', { personOnly: true, flag: true }),
  ...terms('special.genetic', 'direct', 'genetic, genetics, dna, genome, genotype, genetic test', { personOnly: true, flag: true }),
  ...terms('special.ethnicity', 'direct', 'ethnicity, ethnic origin, ethnic group, racial origin', { personOnly: true, flag: true }),
  ...terms('special.ethnicity', 'contextual', 'race', { personOnly: true }),
  ...terms('special.religion', 'direct', 'religion, religious belief, religious beliefs, faith, denomination', { personOnly: true, flag: true }),
  ...terms('special.political', 'direct', 'political, political party, political opinion, political opinions, party affiliation, political affiliation', { personOnly: true, flag: true }),
  ...terms('special.trade_union', 'direct', 'trade union, union membership, union member, trade union membership', { personOnly: true, flag: true }),
  ...terms('special.sexual', 'direct', 'sexual orientation, sexuality, sex life', { personOnly: true, flag: true }),
  ...terms('criminal', 'direct', 'criminal record, criminal records, conviction, convictions, offence, offences, offense, offenses, criminal history, arrest, arrests, felony, felonies', { personOnly: true, flag: true }),
];

/** Tokens that are two words run together; split before matching (firstname → first name). */
export const COMPOUNDS: Readonly<Record<string, readonly string[]>> = table({
  firstname: ['first', 'name'],
  lastname: ['last', 'name'],
  middlename: ['middle', 'name'],
  givenname: ['given', 'name'],
  familyname: ['family', 'name'],
  maidenname: ['maiden', 'name'],
  displayname: ['display', 'name'],
  nickname: ['nickname'],
  birthdate: ['birthdate'],
  zipcode: ['zip', 'code'],
  postalcode: ['postal', 'code'],
  phonenumber: ['phone', 'number'],
  emailaddress: ['email', 'address'],
  ipaddress: ['ip', 'address'],
  useragent: ['user', 'agent'],
  streetname: ['street', 'name'],
  housenumber: ['house', 'number'],
  dateofbirth: ['date', 'of', 'birth'],
  lastlogin: ['last', 'login'],
  lastseen: ['last', 'seen'],
  avatarurl: ['avatar', 'url'],
  jobtitle: ['job', 'title'],
  countrycode: ['country', 'code'],
  timezone: ['time', 'zone'],
  creditcard: ['credit', 'card'],
  cardnumber: ['card', 'number'],
  webhookurl: ['webhook', 'url'],
  devicetoken: ['device', 'token'],
  devicetokens: ['device', 'tokens'],
  userid: ['user', 'id'],
  customerid: ['customer', 'id'],
  subscriberid: ['subscriber', 'id'],
  accesstoken: ['access', 'token'],
  refreshtoken: ['refresh', 'token'],
  idtoken: ['id', 'token'],
  e: ['e'],
});

/** Shorthands spelled out before matching (addr → address). */
export const SYNONYMS: Readonly<Record<string, string>> = table({
  addr: 'address',
  adress: 'address',
  telephone: 'telephone',
  mobil: 'mobile',
  pw: 'password',
  pword: 'password',
  pass: 'password',
  tz: 'tz',
  usr: 'user',
  cust: 'customer',
  emp: 'employee',
  e_mail: 'email',
  geburtstag: 'birthday',
});

/** Words after a term that keep its meaning: email address, phone number, password hash, avatar url. */
export const VALUE_SUFFIXES = new Set([
  'address', 'addresses', 'number', 'numbers', 'no', 'nr', 'num', 'value', 'values', 'hash', 'hashed', 'digest', 'encrypted', 'enc', 'cipher', 'ciphertext',
  'url', 'urls', 'uri', 'link', 'links', 'path', 'src', 'text', 'string', 'str', 'raw', 'normalized', 'normalised', 'lower', 'lowercase', 'upper', 'full',
  'line', 'lines', 'list', 'primary', 'secondary', 'main', 'code', 'key', 'data', 'info', 'details', 'field', 'fields', 'input', 'e164', 'international',
  'national', 'masked', 'redacted', 'last4', 'first', 'last', 'part', 'parts', 'snapshot', 'history', 'histories', 'record', 'records',
  'one', 'two',
]);

/**
 * Head words that turn a personal term into something else: emailTemplate, phoneFormat,
 * passwordPolicy, nameLength, addressType, cityCount. Checked on the last word of the name.
 */
export const NON_DATA_HEADS = new Set([
  'template', 'templates', 'format', 'formats', 'formatter', 'pattern', 'patterns', 'regex', 'regexp', 'validator', 'validators', 'validation', 'rule', 'rules',
  'policy', 'policies', 'verified', 'verification', 'confirmed', 'enabled', 'disabled', 'allowed', 'required', 'optional', 'visible', 'hidden', 'editable',
  'count', 'counts', 'length', 'size', 'limit', 'limits', 'max', 'min', 'type', 'types', 'kind', 'kinds', 'provider', 'providers', 'service', 'services',
  'config', 'configuration', 'settings', 'setting', 'options', 'option', 'label', 'labels', 'placeholder', 'column', 'columns', 'index', 'status', 'state',
  'error', 'errors', 'message', 'messages', 'prefix', 'suffix', 'domain', 'domains', 'sent', 'subject', 'body', 'template', 'changed', 'updated', 'created',
  'deleted', 'at', 'date', 'time', 'timestamp', 'on', 'expiry', 'expires', 'expiration', 'ttl', 'strategy', 'method', 'mode', 'enabled', 'consent',
  'preference', 'preferences', 'notification', 'notifications', 'channel', 'channels', 'client', 'sender', 'server', 'host', 'port', 'handler', 'callback',
  'listener', 'filter', 'field', 'component', 'input', 'button', 'modal', 'dialog', 'form', 'page', 'screen', 'view', 'icon', 'color', 'colour', 'style',
  'class', 'font', 'width', 'height', 'mask', 'delimiter', 'separator', 'locale', 'language', 'visibility', 'permission', 'permissions', 'scope', 'scopes',
  'id', 'ids', 'source', 'sources', 'reminder', 'reminders', 'request', 'requests', 'attempts', 'attempt', 'sync', 'flag', 'flags', 'check', 'checks',
]);

/** Leading words that make a name a yes/no flag about the data, not the data itself (isVerified, hasPassword). */
export const FLAG_PREFIXES = new Set([
  'is', 'has', 'have', 'can', 'should', 'allow', 'allows', 'enable', 'enabled', 'disable', 'show', 'hide', 'require', 'requires', 'use', 'uses', 'include',
  'send', 'notify', 'need', 'needs', 'did', 'was', 'will', 'must', 'accept', 'accepts', 'skip', 'no', 'with', 'without', 'verify', 'validate', 'mask',
]);

/** Nouns that denote a natural person (container heads, reference modifiers, parent property names). */
export const PERSON_NOUNS = new Set([
  'user', 'customer', 'subscriber', 'member', 'participant', 'person', 'people', 'patient', 'employee', 'staff', 'contact', 'guest', 'visitor',
  'author', 'owner', 'creator', 'inviter', 'invitee', 'actor', 'recipient', 'receiver', 'sender', 'buyer', 'student', 'pupil', 'teacher', 'doctor',
  'physician', 'nurse', 'driver', 'passenger', 'rider', 'traveler', 'traveller', 'attendee', 'applicant', 'candidate', 'volunteer', 'donor', 'citizen',
  'resident', 'organizer', 'organiser', 'speaker', 'reviewer', 'assignee', 'reporter', 'requester', 'approver', 'moderator', 'admin', 'administrator',
  'holder', 'beneficiary', 'guardian', 'child', 'kid', 'friend', 'follower', 'followee', 'player', 'athlete', 'lead', 'prospect', 'consumer', 'shopper',
  'learner', 'instructor', 'mentor', 'mentee', 'coach', 'worker', 'contractor', 'freelancer', 'individual', 'human', 'caller', 'callee', 'impersonator',
  'payer', 'payee', 'lessee', 'renter', 'landlord', 'signer', 'signatory', 'witness', 'respondent', 'voter', 'victim', 'suspect', 'offender', 'inmate',
  'defendant', 'claimant', 'policyholder', 'fan', 'listener', 'viewer', 'writer', 'influencer', 'host', 'agent', 'operator', 'profile', 'identity',
  'persona', 'employer', 'manager', 'supervisor', 'teammate', 'colleague', 'spouse', 'parent', 'mother', 'father', 'assignor', 'uploader', 'booker',
]);

/**
 * Person nouns that mean something else in code often enough that they denote a person only as a
 * container head, never as the modifier of a reference (clientId, tenantId, accountId, hostId, partnerId, agentId).
 */
export const AMBIGUOUS_PERSON_NOUNS = new Set(['lead', 'parent', 'child', 'contact', 'admin', 'host', 'agent', 'operator', 'manager', 'viewer', 'worker', 'listener', 'reader', 'writer', 'consumer', 'caller', 'callee']);

/**
 * Person nouns that name a code role more often than a human (PdfViewer, QueueWorker, EventListener,
 * EntityManager, UserAgent): as a type's head noun they say nothing until the fields do.
 */
export const TECHNICAL_PERSON_NOUNS = new Set(['host', 'agent', 'operator', 'manager', 'viewer', 'worker', 'listener', 'reader', 'writer', 'consumer', 'caller', 'callee']);

/** Nouns that denote organisations, places, systems and things: a name or address there is not a person's. */
export const NON_PERSON_NOUNS = new Set([
  'store', 'shop', 'warehouse', 'stock', 'region', 'country', 'currency', 'organization', 'organisation', 'org', 'company', 'business', 'environment',
  'env', 'workspace', 'space', 'team', 'group', 'project', 'app', 'application', 'integration', 'provider', 'product', 'variant', 'sku', 'inventory',
  'category', 'collection', 'tag', 'channel', 'template', 'workflow', 'job', 'task', 'queue', 'poll', 'option', 'rate', 'tax', 'price', 'discount',
  'promotion', 'campaign', 'feature', 'flag', 'setting', 'settings', 'config', 'configuration', 'key', 'webhook', 'endpoint', 'route', 'file', 'bucket',
  'asset', 'layout', 'page', 'branding', 'theme', 'plan', 'venue', 'office', 'branch', 'facility', 'site', 'merchant', 'vendor', 'supplier', 'seller',
  'depot', 'brand', 'partner', 'platform', 'service', 'server', 'system', 'bot', 'repository', 'repo', 'database', 'table', 'schema', 'model', 'domain',
  'location', 'locations', 'carrier', 'tenant', 'catalog', 'catalogue', 'menu', 'restaurant', 'hotel', 'airline',
  'event', 'calendar', 'sheet', 'slot', 'board', 'document', 'topic', 'feed', 'layout', 'widget', 'dns', 'smtp', 'mail', 'mailer', 'mailbox', 'list',
  'newsletter', 'segment', 'audience', 'report', 'dashboard', 'metric', 'metrics', 'api', 'oauth', 'sso', 'saml', 'ldap', 'partner', 'apikey', 'secret',
  'vault', 'certificate', 'cert', 'license', 'licence', 'subscription', 'invoice', 'payment', 'refund', 'transaction', 'ledger', 'unit', 'article',
  'post', 'blog', 'lesson', 'course', 'quiz', 'question', 'game', 'match', 'league', 'vehicle', 'error', 'errors', 'success', 'status', 'log', 'logs',
  'commit', 'welcome', 'default', 'sample', 'example', 'test', 'dummy', 'fake', 'mock', 'host', 'hostname', 'url', 'origin', 'target', 'destination',
  'upload', 'attachment', 'thumbnail', 'banner', 'cover', 'background', 'logo', 'favicon', 'icon', 'image', 'media', 'video', 'audio', 'font', 'color',
  'output', 'input', 'column', 'field', 'label', 'title', 'button', 'component', 'class', 'function', 'method', 'module', 'package', 'library', 'variable',
  'env', 'process', 'window', 'document', 'element', 'node', 'tree', 'graph', 'cluster', 'pod', 'container', 'image', 'volume', 'network', 'bucket', 'pipeline',
  'build', 'release', 'version', 'deployment', 'step', 'stage', 'action', 'trigger', 'cron', 'schedule', 'timer', 'counter', 'rule', 'policy', 'permission',
  'role', 'scope', 'claim', 'grant', 'resource', 'entity', 'object', 'record', 'row', 'cell', 'sheet', 'report', 'chart', 'map', 'layer', 'tile', 'style',
]);

/** Nouns of records that are about a person without being the person: their address, session, invite, message. */
export const PERSONAL_RECORD_NOUNS = new Set([
  'address', 'session', 'invite', 'invitation', 'comment', 'message', 'review', 'feedback', 'booking', 'reservation', 'appointment', 'registration',
  'signup', 'login', 'signin', 'vote', 'submission', 'enrollment', 'enrolment', 'consent', 'verification', 'confirmation', 'authentication', 'auth',
  'reset', 'password', 'token', 'tokens', 'membership', 'connection', 'rsvp', 'ticket', 'answer', 'note', 'visit', 'attendance',
  'participation', 'follow', 'like', 'reaction', 'complaint', 'kyc', 'account', 'onboarding', 'passkey', 'otp', 'mfa', 'log', 'audit',
]);

/**
 * Nouns that describe something belonging to their modifier: UserSettings is about a person,
 * ChannelSettings is not. Without a modifier they take the context of the record that embeds them.
 */
export const OWNED_NOUNS = new Set([
  'address', 'addresses', 'location', 'settings', 'setting', 'preferences', 'preference', 'config', 'configuration', 'options', 'credentials', 'credential',
  'secrets', 'secret', 'details', 'info', 'metadata', 'stats', 'statistics', 'history', 'activity', 'activities', 'device', 'devices', 'contact',
  'contacts', 'identity', 'identities', 'provider', 'connection', 'connections', 'link', 'links', 'hashes', 'keys', 'channels',
]);

/** Collective nouns: a CustomerGroup is a group of people, not a record about one person. */
export const COLLECTIVE_NOUNS = new Set([
  'group', 'groups', 'list', 'lists', 'segment', 'segments', 'team', 'teams', 'collection', 'audience', 'cohort', 'pool', 'batch', 'set', 'directory',
  'count', 'counts', 'stats', 'statistics', 'summary', 'aggregate', 'report', 'export', 'import', 'bulk', 'topic',
]);

/** Words that say a container is a system's secret store (API key, integration): secrets there are not a person's. */
export const SYSTEM_NOUNS = new Set([
  'key', 'apikey', 'integration', 'provider', 'environment', 'env', 'webhook', 'partner', 'configuration', 'config', 'settings', 'client', 'app', 'application',
  'service', 'server', 'bot', 'system', 'smtp', 'database', 'vault', 'certificate', 'oauth', 'credentials', 'organization', 'organisation', 'tenant',
  'workspace', 'platform', 'channel', 'connector', 'plugin', 'jwks', 'jwk', 'keypair', 'keyset', 'signing',
]);

/** Words stripped from the end of container names before the head noun is read (UserResponseDto → user). */
export const CONTAINER_AFFIXES = new Set([
  'entity', 'entities', 'dto', 'dtos', 'model', 'models', 'schema', 'schemas', 'record', 'row', 'rows', 'doc', 'type', 'types', 'interface', 'props',
  'properties', 'input', 'inputs', 'output', 'outputs', 'request', 'req', 'response', 'res', 'body', 'payload', 'data', 'info', 'details', 'params',
  'param', 'parameters', 'args', 'arguments', 'fields', 'attributes', 'attrs', 'values', 'shape', 'base', 'db', 'dbmodel', 'obj', 'object', 'view', 'vm',
  'form', 'query', 'filter', 'filters', 'filterable', 'where', 'result', 'results', 'json', 'jwt', 'claims', 'validator', 'validation', 'document',
  'create', 'update', 'upsert', 'patch', 'get', 'list', 'find', 'delete', 'remove', 'new', 'edit', 'add', 'save', 'set', 'rename', 'change', 'mark',
  'fetch', 'load', 'search', 'public', 'private', 'internal', 'full', 'partial', 'raw', 'extended', 'basic', 'simple', 'lite', 'item', 'items',
  'element', 'struct', 'class', 'impl', 'default', 'context', 'state', 'store', 'dbo', 'gql', 'graphql', 'api', 'v1', 'v2', 'v3', 'fragment', 'node', 'edge',
]);

/** Prepositions in container names: the head noun comes before them (CustomerGroupInCustomer → group). */
export const CONTAINER_PREPOSITIONS = new Set(['in', 'of', 'for', 'by', 'with', 'from', 'to', 'per', 'on', 'and', 'or']);

/** Person-action verbs: a timestamp of one of these records what the person did (openedAt, answeredAt, lastLoginAt). */
export const PERSON_ACTION_WORDS = new Set([
  'seen', 'login', 'logged', 'signed', 'signin', 'opened', 'clicked', 'viewed', 'visited', 'answered', 'answer', 'read', 'online', 'active', 'accessed',
  'activity', 'selected', 'used', 'failed', 'attempt', 'purchased', 'watched', 'searched', 'liked', 'voted', 'responded', 'joined', 'left',
  'checked', 'unsubscribed', 'subscribed', 'confirmed', 'consented', 'accepted', 'declined',
]);

/** Verbs that name who did something in `createdBy`, `revoked_by`, `invitedBy`: the value points at a person. */
export const ACTOR_VERBS = new Set([
  'created', 'updated', 'deleted', 'revoked', 'invited', 'impersonated', 'approved', 'assigned', 'owned', 'modified', 'reviewed', 'uploaded', 'requested',
  'submitted', 'verified', 'banned', 'cancelled', 'canceled', 'added', 'removed', 'edited', 'changed', 'archived', 'published', 'sent', 'signed', 'closed',
  'resolved', 'rejected', 'confirmed', 'managed', 'handled', 'processed', 'authored', 'referred', 'blocked', 'reported', 'paid', 'accepted', 'completed',
  'triggered', 'initiated', 'booked', 'locked', 'claimed',
]);

/** Words after a person noun that make the name a reference to that person (userId, customer_key, ownerRef). */
export const REFERENCE_SUFFIXES = new Set(['id', 'ids', 'uuid', 'uid', 'key', 'ref', 'refs', 'reference', 'number', 'no', 'nr', 'oid', 'pk', 'fk', 'sid']);

/** Primary-key field names: they identify the person when the container is a person. */
export const PRIMARY_KEY_NAMES = new Set(['id', '_id', 'uuid', 'uid', 'pk', 'key']);

/** Words allowed before a contextual name or image term (fullName, newName, displayName); any other noun makes it the name of a thing (fileName, addressName). */
export const NAME_MODIFIERS = new Set([
  'new', 'old', 'current', 'previous', 'full', 'display', 'preferred', 'real', 'legal', 'official', 'public', 'short', 'long', 'given', 'family', 'first',
  'last', 'middle', 'maiden', 'nick', 'sur', 'other', 'alternate', 'alt', 'primary', 'secondary', 'personal', 'private', 'own', 'my', 'your', 'their',
  'his', 'her', 'updated', 'original', 'default', 'contact', 'account', 'profile', 'person', 'persons', 'people', 'human',
]);

/** Last words that make a name a point in time (createdAt, answerDate, seenOn). */
export const TIMESTAMP_HEADS = new Set(['at', 'date', 'time', 'timestamp', 'on', 'ts', 'datetime', 'when']);

/** Nouns for a bundle of someone's data: `contactAttributes`, `user_metadata`, `customerDetails` hold that person's data. */
export const PERSON_DATA_NOUNS = new Set(['data', 'info', 'details', 'metadata', 'attributes', 'attrs', 'profile', 'traits', 'properties', 'props', 'fields', 'record', 'payload']);
