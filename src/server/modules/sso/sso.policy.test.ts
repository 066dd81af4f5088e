import { describe, expect, it } from 'vitest';
import { displayNameFromClaims, issuerProblem, roleFromClaims, usernameFromClaims } from './sso.policy';

describe('the issuer of a municipality’s provider', () => {
  it('must be https in production (ASVS 9.2.1), even for localhost', () => {
    expect(issuerProblem('https://login.microsoftonline.com/tenant/v2.0', true)).toBeNull();
    expect(issuerProblem('http://login.kommune.dk', true)).toBe('https_required');
    expect(issuerProblem('http://localhost:4000', true)).toBe('https_required');
  });

  it('may be plain http outside production only on localhost', () => {
    expect(issuerProblem('http://127.0.0.1:4000', false)).toBeNull();
    expect(issuerProblem('http://localhost:4000', false)).toBeNull();
    expect(issuerProblem('http://login.kommune.dk', false)).toBe('https_required');
  });

  it('is a URL without query, fragment or credentials (OpenID Connect Discovery §2)', () => {
    expect(issuerProblem('login.kommune.dk', false)).toBe('invalid');
    expect(issuerProblem('https://login.kommune.dk/?x=1', false)).toBe('invalid');
    expect(issuerProblem('https://user:pw@login.kommune.dk', false)).toBe('invalid');
    expect(issuerProblem('ftp://login.kommune.dk', false)).toBe('invalid');
  });
});

describe('the role the claims give', () => {
  const mappings = [
    { value: 'g-admin', role: 'admin' as const },
    { value: 'g-case', role: 'caseworker' as const },
  ];

  it('is the first mapping, in the administrator’s order, whose value the claim carries', () => {
    expect(roleFromClaims({ groups: ['g-case', 'g-admin'] }, 'groups', mappings)).toBe('admin');
    expect(roleFromClaims({ groups: ['g-case'] }, 'groups', mappings)).toBe('caseworker');
  });

  it('reads a single value as well as a list, from the configured claim only', () => {
    expect(roleFromClaims({ roles: 'g-case' }, 'roles', mappings)).toBe('caseworker');
    expect(roleFromClaims({ groups: ['g-case'] }, 'roles', mappings)).toBeNull();
  });

  it('is none when no value is mapped', () => {
    expect(roleFromClaims({ groups: ['kantine'] }, 'groups', mappings)).toBeNull();
    expect(roleFromClaims({}, 'groups', mappings)).toBeNull();
  });
});

describe('the username of a provider’s user', () => {
  it('comes from the configured claim, lower-cased, with what a username cannot hold as _', () => {
    expect(usernameFromClaims({ upn: 'Anna.Jensen@Kommune.DK' }, 'upn')).toBe('anna.jensen_kommune.dk');
  });

  it('falls back to preferred_username, then email, then sub', () => {
    expect(usernameFromClaims({ preferred_username: 'aj', email: 'x@y.dk', sub: 's1' }, 'upn')).toBe('aj');
    expect(usernameFromClaims({ email: 'x@y.dk', sub: 's1' }, 'preferred_username')).toBe('x_y.dk');
    expect(usernameFromClaims({ sub: 'AbC123' }, 'preferred_username')).toBe('abc123');
  });

  it('is none when nothing usable is left', () => {
    expect(usernameFromClaims({ sub: '@' }, 'preferred_username')).toBeNull();
  });
});

it('shows the name, else given and family name, else the username', () => {
  expect(displayNameFromClaims({ name: 'Anna Jensen' }, 'aj')).toBe('Anna Jensen');
  expect(displayNameFromClaims({ given_name: 'Anna', family_name: 'Jensen' }, 'aj')).toBe('Anna Jensen');
  expect(displayNameFromClaims({}, 'aj')).toBe('aj');
});
