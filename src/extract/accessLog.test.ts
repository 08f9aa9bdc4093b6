import { knownAccountsOf, logOwnership, parseAccessLog } from './accessLog'

describe('sign-in logs', () => {
  it('reads the plain form', () => {
    const r = parseAccessLog('timestamp,account,ip,user_agent,event\n2026-10-01T14:31:24Z,dana@example.org,73.12.44.9,"Mozilla/5.0 (X, Y)",login\n')
    expect(r).toEqual({ ok: true, format: 'plain', events: [{ occurredAt: '2026-10-01T14:31:24.000Z', account: 'dana@example.org', ip: '73.12.44.9', userAgent: 'Mozilla/5.0 (X, Y)', event: 'login' }] })
  })

  it('reads an Okta System Log export with extra columns in any order', () => {
    const csv = 'uuid,eventType,published,actor.alternateId,client.userAgent.rawUserAgent,client.ipAddress,outcome.result\nu1,user.session.start,2026-10-02T01:02:03.000Z,kb@example.com,AnyDesk/8.0,2001:db8::1,SUCCESS\n'
    const r = parseAccessLog(csv)
    expect(r).toMatchObject({ ok: true, format: 'okta', events: [{ account: 'kb@example.com', ip: '2001:db8::1', userAgent: 'AnyDesk/8.0', event: 'user.session.start' }] })
  })

  it.each([
    ['name,colour\nx,y\n', 'must name its columns'],
    ['timestamp,account,ip\nyesterday,a,1.2.3.4\n', 'row 2 of the sign-in log: "yesterday" is not a date'],
    ['timestamp,account,ip\n2026-10-01T00:00:00Z,a,999.1.1.1\n', 'row 2 of the sign-in log: "999.1.1.1" is not an IP address'],
    ['timestamp,account,ip\n"2026-10-01,a,1.2.3.4\n', 'not valid CSV'],
    ['', 'empty'],
  ])('explains what is wrong (%#)', (csv, message) => {
    const r = parseAccessLog(csv)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.problem).toContain(message)
  })
})

describe('logOwnership: evidence belongs to the subject', () => {
  const known = knownAccountsOf([
    { field: 'person.email', value: 'Dana.Whitfield@example.com' },
    { field: 'resume.email', value: 'dana.w+jobs@mail.example' },
    { field: 'profile', value: { network: 'github', url: 'https://github.com/danaw-dev' } },
    { field: 'profile', value: { network: 'upwork', username: 'dwhitfield' } },
    { field: 'reference', value: { email: 'boss@example.com' } },
  ])
  const ev = (...accounts: Array<string | null>) => accounts.map(account => ({ account }))
  it('knows the emails and handles the case gives, not its referees', () => {
    expect([...known].sort()).toEqual(['dana.w@mail.example', 'dana.whitfield@example.com', 'danaw-dev', 'dwhitfield'])
  })
  it('scores a log of the applicant’s own account at once', () => {
    expect(logOwnership(ev('dana.whitfield@EXAMPLE.com', 'dana.whitfield@example.com'), known)).toEqual({ accounts: ['dana.whitfield@EXAMPLE.com', 'dana.whitfield@example.com'], matched: ['dana.whitfield@EXAMPLE.com', 'dana.whitfield@example.com'], state: 'matched' })
    expect(logOwnership(ev('dana.w+portal@mail.example'), known).state).toBe('matched')
    expect(logOwnership(ev('dwhitfield'), known).state).toBe('matched')
  })
  it('keeps other accounts beside a matching one (a shared connection is a finding)', () => {
    expect(logOwnership(ev('dwhitfield', 'ops7@example.net', 'ops7@example.net'), known)).toMatchObject({ accounts: ['ops7@example.net', 'dwhitfield'], matched: ['dwhitfield'], state: 'matched' })
  })
  it("holds another person's log, and a log of accounts only alike", () => {
    expect(logOwnership(ev('kevin.oneill@contoso.example'), known)).toEqual({ accounts: ['kevin.oneill@contoso.example'], matched: [], state: 'held' })
    expect(logOwnership(ev('dwhitfield@other.example'), known).state).toBe('held')
    expect(logOwnership(ev('dev'), knownAccountsOf([{ field: 'profile', value: { username: 'dev' } }])).state).toBe('held')
  })
  it("scores a client's company login made from the applicant's name (the format's own example), either order", () => {
    const named = knownAccountsOf([{ field: 'person.full_name', value: 'Dana Whitfield' }, { field: 'person.email', value: 'dw1990@gmail.com' }])
    expect(logOwnership(ev('dana.whitfield@example.org'), named).state).toBe('matched')
    expect(logOwnership(ev('DWhitfield@client.example'), named).state).toBe('matched')
    expect(logOwnership(ev('whitfield.dana@client.example'), named).state).toBe('matched')
    expect(logOwnership(ev('pieter.vanderberg@client.example'), knownAccountsOf([{ field: 'person.full_name', value: 'Pieter van der Berg' }])).state).toBe('matched')
    expect(logOwnership(ev('solye.jeong@client.example'), knownAccountsOf([{ field: 'person.full_name', value: 'Jeong Sol-ye' }])).state).toBe('matched')
    // another person's export, and a one-word name, stay held
    expect(logOwnership(ev('brian.watson@client.example'), named).state).toBe('held')
    expect(logOwnership(ev('dana@client.example'), knownAccountsOf([{ field: 'person.full_name', value: 'Dana' }])).state).toBe('held')
  })
  it('cannot tell for a log that names no account', () => {
    expect(logOwnership(ev(null, ' '), known).state).toBeNull()
  })
})
