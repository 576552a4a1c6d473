/*
 * integrity-desk: the officers' case file (/staff/case.html?tn=ACC-2569-000123), opened from a Camunda Tasklist form.
 * Plain ES2020, no dependencies. Served under a strict CSP: no inline script, style or handlers, so everything is
 * wired here with addEventListener and styled through classes in case.css. Data is only ever written with
 * textContent. The page never shows nor fetches the complainant's identity.
 */
'use strict';

(() => {
  const TRACKING_RE = /^ACC-[0-9]{4}-[0-9]{6}$/;
  const API = '/api/staff/complaints/';
  const TASKLIST = '/camunda/app/tasklist/';

  // ---------------------------------------------------------------------------------------------
  // Bilingual labels: [Thai, English].
  // ---------------------------------------------------------------------------------------------
  const CATEGORY = {
    BRIBERY: ['รับสินบน/เรียกรับผลประโยชน์', 'Bribery and extortion'],
    PROCUREMENT: ['การจัดซื้อจัดจ้าง', 'Procurement irregularities'],
    ABUSE_OF_POWER: ['ใช้อำนาจโดยมิชอบ', 'Abuse of power'],
    CONFLICT_OF_INTEREST: ['ผลประโยชน์ทับซ้อน', 'Conflict of interest'],
    GIFTS: ['รับของขวัญ/ประโยชน์', 'Gifts and benefits'],
    EMBEZZLEMENT: ['ยักยอกทรัพย์ของราชการ', 'Embezzlement'],
    UNUSUAL_WEALTH: ['ร่ำรวยผิดปกติ', 'Unusual wealth'],
    PERSONNEL: ['การบริหารงานบุคคลไม่เป็นธรรม', 'Unfair personnel management'],
    MISCONDUCT: ['ประพฤติมิชอบอื่น', 'Other misconduct'],
    OTHER: ['เรื่องอื่น', 'Other']
  };
  const CHANNEL = {
    WEB: ['เว็บไซต์', 'Web form'],
    LETTER: ['หนังสือ/จดหมาย', 'Letter'],
    ANONYMOUS_LETTER: ['บัตรสนเท่ห์', 'Anonymous letter'],
    HOTLINE: ['สายด่วน', 'Hotline'],
    WALK_IN: ['ร้องเรียนด้วยตนเอง', 'Walk-in'],
    COMPLAINT_BOX: ['ตู้รับเรื่องร้องเรียน', 'Complaint box'],
    VOLUNTEER_NETWORK: ['เครือข่ายอาสาสมัคร', 'Volunteer network'],
    MEDIA: ['สื่อมวลชน/สื่อออนไลน์', 'Media'],
    REFERRAL_NACC: ['ส่งต่อจากสำนักงาน ป.ป.ช.', 'Referred by the NACC'],
    REFERRAL_PACC: ['ส่งต่อจากสำนักงาน ป.ป.ท.', 'Referred by the PACC'],
    REFERRAL_OTHER: ['ส่งต่อจากหน่วยงานอื่น', 'Referred by another agency']
  };
  const RANK = {
    OPERATIONAL: ['ต่ำกว่าระดับอำนวยการ', 'Below director level'],
    DIRECTOR: ['ระดับอำนวยการ', 'Director level'],
    EXECUTIVE: ['ระดับบริหาร', 'Executive level']
  };
  const STAGE = {
    RECEIPT: ['รับเรื่อง', 'Receipt'],
    SCREENING: ['คัดกรอง', 'Screening'],
    AWAITING_COMPLAINANT: ['รอข้อมูลจากผู้ร้อง', 'Awaiting the complainant'],
    FACT_FINDING: ['สืบสวนข้อเท็จจริง', 'Fact-finding'],
    DISCIPLINARY_ACTION: ['ดำเนินการทางวินัย', 'Disciplinary action'],
    CLOSED: ['ปิดเรื่อง', 'Closed']
  };
  const OUTCOME = {
    REJECTED: ['ยุติเรื่อง', 'Closed without action'],
    FORWARDED: ['ส่งต่อหน่วยงานที่มีอำนาจ', 'Forwarded to the body with jurisdiction'],
    MERGED: ['รวมกับเรื่องที่ดำเนินการอยู่', 'Merged with an existing case'],
    NO_GROUNDS: ['ผลการสืบสวนไม่มีมูล', 'No grounds found'],
    REFERRED_CRIMINAL: ['ส่งเรื่องให้หน่วยงานที่มีอำนาจดำเนินคดี', 'Referred for prosecution'],
    PENALISED: ['มีการลงโทษทางวินัย', 'Disciplinary penalty imposed'],
    NO_PENALTY: ['ไม่มีการลงโทษทางวินัย', 'No disciplinary penalty'],
    WITHDRAWN: ['ผู้ร้องถอนเรื่อง', 'Withdrawn by the complainant']
  };
  const AGENCY = {
    NACC: ['สำนักงาน ป.ป.ช.', 'National Anti-Corruption Commission (NACC)'],
    PACC: ['สำนักงาน ป.ป.ท.', 'Public Sector Anti-Corruption Commission (PACC)'],
    OTHER_AGENCY: ['หน่วยงานที่มีอำนาจ', 'Agency with jurisdiction']
  };
  const MESSAGE_KIND = {
    ACKNOWLEDGEMENT: ['ตอบรับเรื่อง', 'Acknowledgement'],
    INFO_REQUEST: ['ขอข้อมูลเพิ่มเติม', 'Request for information'],
    FORWARDED: ['ส่งต่อเรื่อง', 'Forwarded'],
    OFFICER: ['ข้อความจากเจ้าหน้าที่', 'Message from an officer'],
    OUTCOME: ['ผลการพิจารณา', 'Outcome']
  };

  const L = {
    trackingNumber: ['เลขที่เรื่อง', 'Tracking number'],
    receivedAt: ['รับเรื่องเมื่อ', 'Received'],
    channel: ['ช่องทาง', 'Channel'],
    category: ['ประเภทเรื่อง', 'Category'],
    stage: ['ขั้นตอนปัจจุบัน', 'Current stage'],
    referenceNumber: ['เลขที่หนังสือ/อ้างอิง', 'Reference number'],
    volunteerCode: ['รหัสอาสาสมัครเครือข่าย', 'Volunteer network code'],
    incidentDate: ['วันที่เกิดเหตุ', 'Incident date'],
    location: ['สถานที่เกิดเหตุ', 'Location'],
    amountInvolved: ['มูลค่าที่เกี่ยวข้อง', 'Amount involved'],
    accusedName: ['ชื่อ-นามสกุล', 'Name'],
    accusedPosition: ['ตำแหน่ง', 'Position'],
    accusedUnit: ['หน่วยงาน', 'Unit'],
    accusedRank: ['ระดับตำแหน่ง', 'Rank'],
    yearsSinceLeftOffice: ['พ้นจากตำแหน่งมาแล้ว', 'Time since leaving office'],
    naccFindingOfFault: ['ป.ป.ช. ชี้มูลความผิดแล้ว', 'NACC has found fault'],
    forwardedTo: ['ส่งต่อไปยัง', 'Forwarded to'],
    mergedInto: ['รวมเข้ากับเรื่อง', 'Merged into case'],
    outcome: ['ผลการพิจารณา', 'Outcome'],
    closedAt: ['ปิดเรื่องเมื่อ', 'Closed'],
    notGiven: ['ไม่ระบุ', 'Not given'],
    yes: ['ใช่', 'Yes'],
    no: ['ไม่ใช่', 'No'],
    baht: ['บาท', 'baht'],
    years: ['ปี', 'years'],
    lessThanYear: ['ไม่ถึง 1 ปี', 'less than a year'],
    fileType: ['ชนิด', 'Type'],
    fileSize: ['ขนาด', 'Size'],
    fileReceived: ['ได้รับเมื่อ', 'Received'],
    download: ['ดาวน์โหลด', 'Download'],
    submissionNo: ['ครั้งที่', 'Submission'],
    thai: ['ภาษาไทย', 'Thai'],
    english: ['ภาษาอังกฤษ', 'English'],
    anonymous: ['ผู้ร้องไม่เปิดเผยตัวตน', 'Anonymous complainant'],
    contactLeft: ['ผู้ร้องให้ช่องทางติดต่อไว้ (เปิดดูได้เฉพาะงานรับเรื่อง)',
      'The complainant left a contact (visible to the intake unit only)'],
    loading: ['กำลังโหลดแฟ้มเรื่อง…', 'Loading the case file…'],
    loaded: ['โหลดแฟ้มเรื่องแล้ว', 'Case file loaded'],
    retrievedAt: ['ดึงข้อมูลเมื่อ', 'Retrieved'],
    caseFile: ['แฟ้มเรื่อง', 'Case file'],

    badTnTitle: ['เลขที่เรื่องไม่ถูกต้อง', 'Invalid tracking number'],
    badTnDetail: ['ลิงก์ต้องมีเลขที่เรื่องในรูปแบบ ACC-ปปปป-นนนนนน เช่น /staff/case.html?tn=ACC-2569-000123',
      'The link must carry a tracking number such as /staff/case.html?tn=ACC-2569-000123'],
    badTnGot: ['ค่าที่ได้รับ', 'Value received'],
    noTn: ['ไม่มีเลขที่เรื่องในลิงก์', 'The link has no tracking number'],
    unauthorized: ['ยังไม่ได้เข้าสู่ระบบ', 'Not logged in'],
    unauthorizedDetail: ['ไม่พบเซสชันของ Camunda หรือเซสชันหมดอายุแล้ว', 'No Camunda session was found, or it has expired.'],
    forbidden: ['ไม่มีสิทธิ์เปิดแฟ้มเรื่องนี้', 'Not allowed to open this case file'],
    forbiddenDetail: ['กลุ่มผู้ใช้ของท่านไม่มีสิทธิ์เปิดแฟ้มเรื่อง', 'Your user group may not open case files.'],
    notFound: ['ไม่พบเรื่องนี้', 'Case not found'],
    notFoundDetail: ['ไม่มีเรื่องตามเลขที่ในลิงก์ ตรวจสอบเลขที่เรื่องอีกครั้ง', 'No case has the tracking number in the link. Check it.'],
    serverError: ['ระบบขัดข้อง', 'Server error'],
    serverErrorDetail: ['ไม่สามารถโหลดแฟ้มเรื่องได้ กรุณาลองใหม่อีกครั้ง หากยังไม่ได้ แจ้งผู้ดูแลระบบ',
      'The case file could not be loaded. Try again; if it keeps failing, tell the system administrator.'],
    networkError: ['ติดต่อเซิร์ฟเวอร์ไม่ได้', 'Could not reach the server'],
    networkErrorDetail: ['ตรวจสอบการเชื่อมต่อเครือข่ายแล้วลองอีกครั้ง', 'Check the network connection and try again.'],
    badAnswer: ['ได้รับข้อมูลที่ไม่คาดคิดจากเซิร์ฟเวอร์', 'Unexpected answer from the server'],
    badAnswerDetail: ['เซสชันอาจหมดอายุ กรุณาเข้าสู่ระบบ Tasklist ใหม่แล้วลองอีกครั้ง',
      'The session may have expired. Log into Tasklist again and retry.'],
    httpStatus: ['รหัส HTTP', 'HTTP status']
  };

  // ---------------------------------------------------------------------------------------------
  // DOM helpers: data only ever goes through textContent.
  // ---------------------------------------------------------------------------------------------
  const byId = (id) => document.getElementById(id);

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /** "ไทย / English" with the English part marked lang="en" for screen readers. */
  function bi(pair, className) {
    const span = el('span', className || 'bi');
    const th = el('span', null, pair[0]);
    th.lang = 'th';
    const en = el('span', null, pair[1]);
    en.lang = 'en';
    span.append(th, ' / ', en);
    return span;
  }
  const biText = (pair) => `${pair[0]} / ${pair[1]}`;

  /** An enum code as its bilingual label; an unknown code is shown as it came. */
  function codeLabel(map, code) {
    return map[code] ? bi(map[code]) : el('span', 'code', code);
  }

  const has = (v) => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  // ---------------------------------------------------------------------------------------------
  // Dates and numbers: Thai (Buddhist era) calendar first, then the Gregorian date in parentheses.
  // ---------------------------------------------------------------------------------------------
  const TZ = 'Asia/Bangkok';

  function toDate(value) {
    if (typeof value === 'number') return new Date(value * 1000); // Jackson numeric instants: epoch seconds
    if (typeof value !== 'string') return null;
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d;
  }

  /** An instant as <time>: "5 ม.ค. 2569 14:30 (5 Jan 2026)", both in Bangkok time. */
  function instant(value) {
    const d = toDate(value);
    if (!d) return el('span', null, value);
    const thai = d.toLocaleString('th-TH', { dateStyle: 'medium', timeStyle: 'short', timeZone: TZ });
    const greg = d.toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone: TZ, calendar: 'gregory' });
    const t = el('time', 'date');
    t.dateTime = d.toISOString();
    const th = el('span', null, thai);
    const en = el('span', 'greg', `(${greg})`);
    en.lang = 'en';
    t.append(th, ' ', en);
    return t;
  }

  /** A calendar date "YYYY-MM-DD" (no time, no zone shift): "5 ม.ค. 2569 (5 Jan 2026)". */
  function localDate(value) {
    const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
    if (!m) return el('span', null, Array.isArray(value) ? value.join('-') : value);
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    const thai = d.toLocaleDateString('th-TH', { dateStyle: 'medium', timeZone: 'UTC' });
    const greg = d.toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone: 'UTC', calendar: 'gregory' });
    const t = el('time', 'date');
    t.dateTime = value;
    const en = el('span', 'greg', `(${greg})`);
    en.lang = 'en';
    t.append(el('span', null, thai), ' ', en);
    return t;
  }

  const MONEY = new Intl.NumberFormat('th-TH', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  function money(value) {
    const n = typeof value === 'number' ? value : Number(String(value).replace(/,/g, ''));
    if (!Number.isFinite(n)) return el('span', null, value);
    const span = el('span', 'amount', `${MONEY.format(n)} `);
    span.append(bi(L.baht));
    return span;
  }

  function fileSize(bytes) {
    const n = Number(bytes);
    if (!Number.isFinite(n) || n < 0) return String(bytes);
    const fmt = (x) => x.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: x < 10 ? 1 : 0 });
    if (n >= 1024 * 1024) return `${fmt(n / (1024 * 1024))} MB`;
    return `${fmt(Math.max(n / 1024, 0.1))} KB`;
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering
  // ---------------------------------------------------------------------------------------------
  function row(tbody, label, value) {
    const tr = el('tr');
    const th = el('th');
    th.scope = 'row';
    th.append(bi(label));
    const td = el('td');
    if (value instanceof Node) td.append(value);
    else td.textContent = String(value);
    tr.append(th, td);
    tbody.append(tr);
  }

  const notGiven = () => bi(L.notGiven, 'bi not-given');
  const textOr = (v) => (has(v) ? el('span', 'value-text', v) : notGiven());

  function renderFacts(c) {
    const caseBody = byId('facts-case').tBodies[0];
    const accusedBody = byId('facts-accused').tBodies[0];
    const handling = byId('facts-handling');
    const handlingBody = handling.tBodies[0];
    [caseBody, accusedBody, handlingBody].forEach(clear);

    row(caseBody, L.trackingNumber, el('span', 'mono', c.trackingNumber));
    row(caseBody, L.receivedAt, has(c.receivedAt) ? instant(c.receivedAt) : notGiven());
    row(caseBody, L.channel, has(c.channel) ? codeLabel(CHANNEL, c.channel) : notGiven());
    row(caseBody, L.category, has(c.category) ? codeLabel(CATEGORY, c.category) : notGiven());
    row(caseBody, L.stage, has(c.stage) ? codeLabel(STAGE, c.stage) : notGiven());
    if (has(c.referenceNumber)) row(caseBody, L.referenceNumber, el('span', 'value-text', c.referenceNumber));
    if (has(c.volunteerCode)) row(caseBody, L.volunteerCode, el('span', 'mono', c.volunteerCode));
    row(caseBody, L.incidentDate, has(c.incidentDate) ? localDate(c.incidentDate) : notGiven());
    row(caseBody, L.location, textOr(c.location));
    row(caseBody, L.amountInvolved, has(c.amountInvolved) ? money(c.amountInvolved) : notGiven());

    row(accusedBody, L.accusedName, textOr(c.accusedName));
    row(accusedBody, L.accusedPosition, textOr(c.accusedPosition));
    row(accusedBody, L.accusedUnit, textOr(c.accusedUnit));
    row(accusedBody, L.accusedRank, has(c.accusedRank) ? codeLabel(RANK, c.accusedRank) : notGiven());
    if (has(c.yearsSinceLeftOffice)) {
      const y = Number(c.yearsSinceLeftOffice);
      if (y === 0) {
        row(accusedBody, L.yearsSinceLeftOffice, bi(L.lessThanYear));
      } else {
        const span = el('span', null, `${c.yearsSinceLeftOffice} `);
        span.append(bi(L.years));
        row(accusedBody, L.yearsSinceLeftOffice, span);
      }
    }
    if (typeof c.naccFindingOfFault === 'boolean') {
      row(accusedBody, L.naccFindingOfFault, bi(c.naccFindingOfFault ? L.yes : L.no));
    }

    if (has(c.forwardedTo)) row(handlingBody, L.forwardedTo, codeLabel(AGENCY, c.forwardedTo));
    if (has(c.mergedInto)) {
      let merged;
      if (TRACKING_RE.test(c.mergedInto)) {
        merged = el('a', 'mono', c.mergedInto);
        merged.href = `case.html?tn=${encodeURIComponent(c.mergedInto)}`;
      } else {
        merged = el('span', 'mono', c.mergedInto);
      }
      row(handlingBody, L.mergedInto, merged);
    }
    if (has(c.outcome)) row(handlingBody, L.outcome, codeLabel(OUTCOME, c.outcome));
    if (has(c.closedAt)) row(handlingBody, L.closedAt, instant(c.closedAt));
    handling.hidden = handlingBody.rows.length === 0;
  }

  function renderSubmissions(list) {
    const ol = byId('submissions');
    clear(ol);
    const items = Array.isArray(list) ? list : [];
    items.forEach((s, i) => {
      const li = el('li', 'timeline-item');
      const head = el('p', 'timeline-head');
      const no = el('span', 'timeline-no');
      no.append(bi(L.submissionNo), ` ${i + 1}`);
      head.append(no, ' · ', has(s.receivedAt) ? instant(s.receivedAt) : notGiven());
      li.append(head, el('div', 'text-block', has(s.body) ? s.body : ''));
      ol.append(li);
    });
    ol.hidden = items.length === 0;
    byId('submissions-empty').hidden = items.length !== 0;
  }

  /** Only our own download path is linked: never a javascript: or foreign URL, whatever the answer says. */
  function safeHref(href) {
    if (typeof href !== 'string' || !href.startsWith(API)) return null;
    try {
      const u = new URL(href, window.location.origin);
      return u.origin === window.location.origin ? u.pathname + u.search : null;
    } catch (e) {
      return null;
    }
  }

  function renderEvidence(list) {
    const ul = byId('evidence');
    clear(ul);
    const items = Array.isArray(list) ? list : [];
    items.forEach((f) => {
      const li = el('li', 'evidence-item');
      const name = has(f.fileName) ? f.fileName : `#${f.id}`;
      const href = safeHref(f.href);
      const title = el('p', 'evidence-name');
      if (href) {
        const a = el('a', null, name);
        a.href = href;
        const hint = el('span', 'visually-hidden');
        hint.append(' (', bi(L.download), ')');
        a.append(hint);
        title.append(a);
      } else {
        title.append(el('span', null, name));
      }

      const meta = el('dl', 'evidence-meta');
      const pair = (label, value) => {
        const wrap = el('div', 'meta-pair');
        const dt = el('dt');
        dt.append(bi(label));
        const dd = el('dd');
        if (value instanceof Node) dd.append(value);
        else dd.textContent = String(value);
        wrap.append(dt, dd);
        meta.append(wrap);
      };
      pair(L.fileType, has(f.contentType) ? el('span', 'mono', f.contentType) : notGiven());
      pair(L.fileSize, has(f.size) ? fileSize(f.size) : notGiven());
      pair(L.fileReceived, has(f.receivedAt) ? instant(f.receivedAt) : notGiven());

      const hash = el('p', 'evidence-hash');
      const hashLabel = el('span', 'hash-label', 'SHA-256: ');
      hashLabel.lang = 'en';
      const code = el('code', 'hash', has(f.sha256) ? f.sha256 : '—');
      hash.append(hashLabel, code);

      li.append(title, meta, hash);
      ul.append(li);
    });
    ul.hidden = items.length === 0;
    byId('evidence-empty').hidden = items.length !== 0;
  }

  function renderMessages(list) {
    const ol = byId('messages');
    clear(ol);
    const items = Array.isArray(list) ? list : [];
    items.forEach((m) => {
      const li = el('li', 'timeline-item message');
      const head = el('p', 'timeline-head');
      head.append(codeLabel(MESSAGE_KIND, m.kind), ' · ', has(m.createdAt) ? instant(m.createdAt) : notGiven());
      li.append(head);
      const body = el('div', 'message-body');
      if (has(m.thai)) {
        const th = el('p', 'text-block message-text', m.thai);
        th.lang = 'th';
        body.append(th);
      }
      if (has(m.english)) {
        const en = el('p', 'text-block message-text message-en', m.english);
        en.lang = 'en';
        body.append(en);
      }
      li.append(body);
      ol.append(li);
    });
    ol.hidden = items.length === 0;
    byId('messages-empty').hidden = items.length !== 0;
  }

  function renderCase(c) {
    document.title = `${c.trackingNumber} · ${biText(L.caseFile)} | integrity-desk`;
    byId('case-tn').textContent = c.trackingNumber;
    byId('case-subject').textContent = has(c.subject) ? c.subject : '';

    const stage = byId('case-stage');
    clear(stage);
    stage.append(has(c.stage) ? codeLabel(STAGE, c.stage) : notGiven());
    stage.classList.toggle('stage-closed', c.stage === 'CLOSED');

    const received = byId('case-received');
    clear(received);
    received.append(has(c.receivedAt) ? instant(c.receivedAt) : notGiven());

    const note = byId('complainant-note');
    clear(note);
    if (c.anonymous === true || c.anonymous === false) {
      note.append(bi(c.anonymous ? L.anonymous : L.contactLeft));
      note.hidden = false;
    } else {
      note.hidden = true;
    }

    renderFacts(c);
    byId('case-description').textContent = has(c.description) ? c.description : '';
    renderSubmissions(c.complainantSubmissions);
    renderEvidence(c.evidence);
    renderMessages(c.messagesToComplainant);

    const retrieved = byId('retrieved-at');
    clear(retrieved);
    retrieved.append(bi(L.retrievedAt), ': ', instant(new Date().toISOString()));

    byId('error').hidden = true;
    byId('case').hidden = false;
    byId('print-button').hidden = false;
  }

  // ---------------------------------------------------------------------------------------------
  // Errors
  // ---------------------------------------------------------------------------------------------
  /**
   * The heading is always our own bilingual text (titlePair); below it the server's problem {title, detail} as it
   * came (in the language the server chose), or our own bilingual detailPair when the server gave none.
   */
  function showError({ titlePair, detailPair, problem, extra, login, retry, status }) {
    byId('case').hidden = true;
    byId('print-button').hidden = true;
    clear(byId('status'));

    const title = byId('error-title');
    clear(title);
    title.append(bi(titlePair));

    const detail = byId('error-detail');
    clear(detail);
    if (problem && (has(problem.title) || has(problem.detail))) {
      if (has(problem.title)) detail.append(el('strong', 'problem-title', problem.title));
      if (has(problem.title) && has(problem.detail)) detail.append(': ');
      if (has(problem.detail)) detail.append(el('span', 'problem-detail', problem.detail));
    } else if (detailPair) {
      detail.append(bi(detailPair));
    }
    if (status) {
      const code = el('span', 'muted http-status');
      code.append(' [', bi(L.httpStatus), `: ${status}]`);
      detail.append(code);
    }
    if (extra) {
      detail.append(el('br'), extra);
    }
    detail.hidden = !detail.firstChild;

    byId('error-login').hidden = !login;
    byId('error-retry-row').hidden = !retry;
    byId('error').hidden = false;
    title.focus();
  }

  async function readProblem(res) {
    const type = (res.headers.get('Content-Type') || '').toLowerCase();
    if (!type.includes('json')) return null;
    try {
      const body = await res.json();
      if (!body || typeof body !== 'object') return null;
      return {
        title: typeof body.title === 'string' ? body.title : null,
        detail: typeof body.detail === 'string' ? body.detail : null
      };
    } catch (e) {
      return null;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Loading
  // ---------------------------------------------------------------------------------------------
  function readTrackingNumber() {
    const raw = new URLSearchParams(window.location.search).get('tn');
    return raw === null ? null : raw.trim();
  }

  let loading = false;

  async function load(focusResult) {
    if (loading) return;
    const tn = readTrackingNumber();
    if (!tn || !TRACKING_RE.test(tn)) {
      let extra = null;
      if (tn) {
        extra = el('span');
        extra.append(bi(L.badTnGot), ': ', el('code', 'mono', tn.length > 40 ? `${tn.slice(0, 40)}…` : tn));
      }
      showError({ titlePair: tn ? L.badTnTitle : L.noTn, detailPair: L.badTnDetail, extra });
      return;
    }

    loading = true;
    byId('error').hidden = true;
    const status = byId('status');
    clear(status);
    status.append(bi(L.loading));
    document.body.setAttribute('aria-busy', 'true');

    let res;
    try {
      res = await fetch(API + encodeURIComponent(tn), {
        method: 'GET',
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
        cache: 'no-store',
        redirect: 'manual'
      });
    } catch (e) {
      loading = false;
      document.body.removeAttribute('aria-busy');
      showError({ titlePair: L.networkError, detailPair: L.networkErrorDetail, retry: true });
      return;
    }

    try {
      if (res.type === 'opaqueredirect') {
        // A redirect (to a login page, say) instead of the API answer: treat as not logged in.
        showError({ titlePair: L.unauthorized, detailPair: L.badAnswerDetail, login: true, retry: true });
        return;
      }
      if (res.status === 200) {
        let data = null;
        const type = (res.headers.get('Content-Type') || '').toLowerCase();
        if (type.includes('json')) {
          try {
            data = await res.json();
          } catch (e) {
            data = null;
          }
        }
        if (!data || typeof data !== 'object' || Array.isArray(data) || typeof data.trackingNumber !== 'string') {
          showError({ titlePair: L.badAnswer, detailPair: L.badAnswerDetail, login: true, retry: true });
          return;
        }
        renderCase(data);
        clear(status);
        status.append(bi(L.loaded));
        if (focusResult) byId('case-title').focus();
        return;
      }

      const problem = await readProblem(res);
      if (res.status === 401) {
        showError({ titlePair: L.unauthorized, detailPair: L.unauthorizedDetail, problem, login: true, retry: true, status: 401 });
      } else if (res.status === 403) {
        showError({ titlePair: L.forbidden, detailPair: L.forbiddenDetail, problem, status: 403 });
      } else if (res.status === 404) {
        showError({ titlePair: L.notFound, detailPair: L.notFoundDetail, problem, status: 404 });
      } else {
        showError({ titlePair: L.serverError, detailPair: L.serverErrorDetail, problem, retry: true, status: res.status });
      }
    } finally {
      loading = false;
      document.body.removeAttribute('aria-busy');
    }
  }

  function init() {
    byId('print-button').addEventListener('click', () => window.print());
    byId('retry-button').addEventListener('click', () => load(true));
    load(false);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
