/*
 * integrity-desk: the public page (report corruption, receipt, follow a case).
 * Plain ES2020, no dependencies. Served under a strict CSP: no inline script, style or handlers,
 * so everything is wired here with addEventListener and styled through classes in app.css.
 * The receipt code is held in memory only: never in storage, never in the URL.
 */
'use strict';

(() => {
  // ---------------------------------------------------------------------------------------------
  // Texts: every visible text of the page, in Thai and English.
  // ---------------------------------------------------------------------------------------------
  const I18N = {
    th: {
      agency: 'ศูนย์ปฏิบัติการต่อต้านการทุจริต',
      systemName: 'ระบบรับเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ',
      skipLink: 'ข้ามไปยังเนื้อหาหลัก',
      'lang.label': 'เลือกภาษา',
      'lang.th': 'ไทย',
      'lang.en': 'English',
      'nav.label': 'เมนูหลัก',
      'nav.report': 'ร้องเรียนการทุจริต',
      'nav.status': 'ติดตามสถานะเรื่อง',
      'footer.staff': 'สำหรับเจ้าหน้าที่',
      'footer.note': 'ข้อมูลที่ระบุตัวตนของผู้ร้องเรียนได้รับการคุ้มครองเป็นความลับ',
      'sidebar.label': 'คำแนะนำและประกาศความเป็นส่วนตัว',

      'report.title': 'ร้องเรียนการทุจริต',
      'report.intro': 'แจ้งเบาะแสการทุจริตหรือการประพฤติมิชอบของเจ้าหน้าที่ของรัฐ เมื่อส่งเรื่องแล้ว ท่านจะได้รับเลขที่เรื่องและรหัสรับเรื่องสำหรับติดตามสถานะ',
      'report.channelNote': 'ช่องทางนี้เป็นช่องทางออนไลน์สำหรับร้องเรียนการทุจริตและประพฤติมิชอบโดยเฉพาะ (ตามเกณฑ์การประเมิน ITA) แยกจากช่องทางร้องเรียนทั่วไป',
      'tips.title': 'เรื่องร้องเรียนที่ตรวจสอบได้',
      'tips.text': 'ระบุหน่วยงานหรือเจ้าหน้าที่ที่ถูกร้องเรียน ข้อเท็จจริงที่ชัดเจน (เกิดอะไรขึ้น เมื่อใด ที่ไหน ใครเกี่ยวข้อง อย่างไร) และพยานหลักฐานถ้ามี',
      'tips.anon': 'หากร้องเรียนโดยไม่เปิดเผยตัวตน อย่าใส่ชื่อหรือช่องทางติดต่อของท่านเองในรายละเอียดหรือในไฟล์แนบ',

      'privacy.title': 'ประกาศความเป็นส่วนตัว',
      'privacy.law': 'ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562',
      'privacy.purpose': 'ศูนย์ฯ เก็บรวบรวมและใช้ข้อมูลที่ท่านให้ไว้เพื่อรับและดำเนินการเรื่องร้องเรียนเท่านั้น โดยอาศัยฐานการปฏิบัติหน้าที่ตามกฎหมายและการดำเนินภารกิจเพื่อประโยชน์สาธารณะ',
      'privacy.confidential': 'ข้อมูลที่ระบุตัวตนของผู้ร้องเรียนจะถูกเก็บเป็นความลับ แยกจากเรื่องร้องเรียน เฉพาะหน่วยรับเรื่องเท่านั้นที่เข้าถึงได้ และจะไม่เปิดเผยต่อผู้ถูกร้องเรียนหรือผู้สืบสวนข้อเท็จจริง',
      'privacy.anonymous': 'ท่านร้องเรียนโดยไม่เปิดเผยตัวตนได้ ทุกเรื่องจะได้รับการพิจารณาตามข้อเท็จจริง',
      'privacy.retention': 'ข้อมูลจะถูกเก็บไว้เท่าที่จำเป็นต่อการดำเนินการเรื่องร้องเรียนและตามที่กฎหมายกำหนด แล้วจึงลบทิ้ง',
      'privacy.rights': 'ท่านมีสิทธิตามที่กฎหมายกำหนดในการขอเข้าถึง แก้ไข หรือลบข้อมูลส่วนบุคคลของท่าน',
      'privacy.dpo': 'ติดต่อเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคลของศูนย์ฯ:',
      'privacy.dpoEmail': 'dpo@example.go.th',

      'form.requiredNote': 'ต้องกรอก',
      'form.submit': 'ส่งเรื่องร้องเรียน',
      'form.sending': 'กำลังส่ง…',
      'sec.complaint': 'เรื่องที่ร้องเรียน',
      'sec.accused': 'ผู้ถูกร้องเรียน',
      'sec.evidence': 'พยานหลักฐาน',
      'sec.you': 'ข้อมูลผู้ร้องเรียน',

      'f.category': 'ประเภทเรื่อง',
      'f.category.choose': '— เลือกประเภทเรื่อง —',
      'f.category.otherHint': 'เรื่องที่ไม่เกี่ยวกับการทุจริตหรือประพฤติมิชอบ อาจถูกส่งต่อไปยังช่องทางร้องเรียนทั่วไป',
      'f.subject': 'หัวข้อเรื่อง',
      'f.subject.hint': 'สรุปสั้น ๆ ไม่เกิน 200 ตัวอักษร',
      'f.description': 'รายละเอียด',
      'f.description.hint': 'เล่าว่าเกิดอะไรขึ้น เมื่อใด ที่ไหน ใครเกี่ยวข้อง และอย่างไร',
      'f.description.anon': 'ท่านเลือกร้องเรียนโดยไม่เปิดเผยตัวตน: อย่าใส่ชื่อ หมายเลขโทรศัพท์ อีเมล หรือข้อมูลที่ระบุตัวท่านในรายละเอียด',
      'f.incidentDate': 'วันที่เกิดเหตุ',
      'f.incidentDate.hint': 'ถ้าทราบ ต้องไม่เกินวันนี้',
      'f.amount': 'มูลค่าที่เกี่ยวข้อง (บาท)',
      'f.amount.hint': 'ถ้าทราบ เป็นตัวเลข เช่น 150000 หรือ 1,250.50',
      'f.location': 'สถานที่เกิดเหตุ',
      'f.location.hint': 'ถ้าทราบ ไม่เกิน 300 ตัวอักษร',
      'f.unit': 'หน่วยงานของผู้ถูกร้อง',
      'f.unit.hint': 'ชื่อกรม กอง สำนัก หรือหน่วยงานที่เจ้าหน้าที่สังกัด',
      'f.accusedName': 'ชื่อ-นามสกุลผู้ถูกร้อง (ถ้าทราบ)',
      'f.position': 'ตำแหน่ง (ถ้าทราบ)',
      'f.rank': 'ระดับตำแหน่งของผู้ถูกร้อง',
      'f.rank.hint': 'ถ้าไม่แน่ใจ ให้เลือกระดับที่ใกล้เคียงที่สุด',
      'f.leftOffice': 'ผู้ถูกร้องพ้นจากตำแหน่งหรือออกจากราชการแล้ว',
      'f.years': 'พ้นจากตำแหน่งมาแล้วกี่ปี',
      'f.years.hint': 'จำนวนเต็ม 0 ถึง 100 ประมาณได้ (0 = ไม่ถึงหนึ่งปี)',
      'f.evidence': 'เพิ่มไฟล์หลักฐาน',
      'f.evidence.hint': 'ไม่บังคับ แนบได้ไม่เกิน 5 ไฟล์ ไฟล์ละไม่เกิน 10 MB ชนิด PDF, JPEG, PNG, ข้อความ (.txt), Word (.docx) หรือ Excel (.xlsx)',
      'f.identity': 'การเปิดเผยตัวตน',
      'f.identity.anonymous': 'ร้องเรียนโดยไม่เปิดเผยตัวตน',
      'f.identity.anonymous.hint': 'เราจะไม่ทราบว่าท่านเป็นใครและติดต่อกลับไม่ได้ ท่านติดตามเรื่องได้ด้วยเลขที่เรื่องและรหัสรับเรื่อง',
      'f.identity.named': 'ระบุชื่อและช่องทางติดต่อ',
      'f.identity.named.hint': 'ข้อมูลของท่านจะถูกเก็บเป็นความลับ แยกจากเรื่องร้องเรียน',
      'f.contact': 'ช่องทางติดต่อ',
      'f.consent.short': 'การยินยอมให้ติดต่อกลับ',
      'f.contact.hint': 'ระบุช่องทางติดต่ออย่างน้อยหนึ่งช่องทาง: อีเมล หมายเลขโทรศัพท์ หรือที่อยู่',
      'f.name': 'ชื่อ-นามสกุล',
      'f.email': 'อีเมล',
      'f.phone': 'หมายเลขโทรศัพท์',
      'f.address': 'ที่อยู่สำหรับติดต่อ',
      'f.consent': 'ยินยอมให้เจ้าหน้าที่ติดต่อกลับเพื่อสอบถามข้อเท็จจริงเพิ่มเติมเกี่ยวกับเรื่องนี้',
      'f.volunteer': 'รหัสอาสาสมัครเครือข่าย (ถ้ามี)',
      'f.volunteer.hint': 'ตัวอักษรภาษาอังกฤษ ตัวเลข และขีด (-) ไม่เกิน 50 ตัว',
      'f.tracking': 'เลขที่เรื่อง',
      'f.tracking.hint': 'เช่น ACC-2569-000123',
      'f.receipt': 'รหัสรับเรื่อง',
      'f.receipt.hint': 'รหัสที่แสดงครั้งเดียวหลังส่งเรื่อง เช่น ABCD-EFGH-JKLM-NPQR-STUV',

      'category.BRIBERY': 'รับสินบน/เรียกรับผลประโยชน์',
      'category.PROCUREMENT': 'การจัดซื้อจัดจ้าง',
      'category.ABUSE_OF_POWER': 'ใช้อำนาจโดยมิชอบ',
      'category.CONFLICT_OF_INTEREST': 'ผลประโยชน์ทับซ้อน',
      'category.GIFTS': 'รับของขวัญ/ประโยชน์',
      'category.EMBEZZLEMENT': 'ยักยอกทรัพย์ของราชการ',
      'category.UNUSUAL_WEALTH': 'ร่ำรวยผิดปกติ',
      'category.PERSONNEL': 'การบริหารงานบุคคลไม่เป็นธรรม',
      'category.MISCONDUCT': 'ประพฤติมิชอบอื่น',
      'category.OTHER': 'เรื่องอื่น',
      'rank.OPERATIONAL': 'ต่ำกว่าระดับอำนวยการ',
      'rank.DIRECTOR': 'ระดับอำนวยการ',
      'rank.EXECUTIVE': 'ระดับบริหาร',

      'stage.RECEIPT': 'รับเรื่อง',
      'stage.SCREENING': 'คัดกรอง',
      'stage.AWAITING_COMPLAINANT': 'รอข้อมูลเพิ่มเติมจากท่าน',
      'stage.FACT_FINDING': 'สืบสวนข้อเท็จจริง',
      'stage.DISCIPLINARY_ACTION': 'ดำเนินการทางวินัย',
      'stage.CLOSED': 'ปิดเรื่อง',
      'outcome.REJECTED': 'ยุติเรื่อง',
      'outcome.FORWARDED': 'ส่งต่อหน่วยงานที่มีอำนาจ',
      'outcome.MERGED': 'รวมกับเรื่องเดิม',
      'outcome.NO_GROUNDS': 'ไม่มีมูล',
      'outcome.REFERRED_CRIMINAL': 'ส่งดำเนินคดี',
      'outcome.PENALISED': 'มีการลงโทษทางวินัย',
      'outcome.NO_PENALTY': 'ไม่มีการลงโทษ',
      'outcome.WITHDRAWN': 'ถอนเรื่อง',
      'caseStatus.OPEN': 'อยู่ระหว่างดำเนินการ',
      'caseStatus.CLOSED': 'ปิดเรื่องแล้ว',
      'kind.ACKNOWLEDGEMENT': 'ตอบรับเรื่อง',
      'kind.INFO_REQUEST': 'ขอข้อมูลเพิ่มเติม',
      'kind.FORWARDED': 'ส่งต่อเรื่อง',
      'kind.OFFICER': 'ข้อความจากเจ้าหน้าที่',
      'kind.OUTCOME': 'ผลการพิจารณา',
      'kind.other': 'ข้อความ',

      'result.title': 'ได้รับเรื่องร้องเรียนของท่านแล้ว',
      'result.emptyTitle': 'ไม่มีข้อมูลที่จะแสดง',
      'result.intro': 'กรุณาจดหรือคัดลอกเลขที่เรื่องและรหัสรับเรื่องด้านล่างเก็บไว้ ท่านต้องใช้ทั้งสองค่าเพื่อติดตามสถานะและส่งข้อมูลเพิ่มเติม',
      'result.warnTitle': 'สำคัญ: รหัสรับเรื่องแสดงเพียงครั้งนี้ครั้งเดียว',
      'result.warnText': 'รหัสนี้ไม่สามารถแสดงซ้ำ ขอใหม่ หรือกู้คืนได้ ผู้ใดที่มีเลขที่เรื่องและรหัสนี้จะดูสถานะเรื่องได้ โปรดเก็บไว้ในที่ปลอดภัยและอย่าส่งต่อให้ผู้อื่น',
      'result.tracking': 'เลขที่เรื่อง',
      'result.receipt': 'รหัสรับเรื่อง',
      'result.copy': 'คัดลอก',
      'result.copyTracking': 'คัดลอกเลขที่เรื่อง',
      'result.copyReceipt': 'คัดลอกรหัสรับเรื่อง',
      'result.copied': 'คัดลอก{what}แล้ว',
      'result.copyFailed': 'คัดลอกอัตโนมัติไม่สำเร็จ ข้อความถูกเลือกไว้แล้ว กรุณากด Ctrl+C (หรือ ⌘+C) เพื่อคัดลอก',
      'result.anonymous': 'ท่านร้องเรียนโดยไม่เปิดเผยตัวตน เจ้าหน้าที่จึงติดต่อท่านไม่ได้ หากต้องการข้อมูลเพิ่มเติมจะแจ้งไว้ในหน้าติดตามสถานะ โปรดตรวจสอบเป็นระยะ',
      'result.named': 'เจ้าหน้าที่อาจติดต่อท่านตามช่องทางที่ให้ไว้ ข้อความและคำขอข้อมูลเพิ่มเติมจะแสดงในหน้าติดตามสถานะด้วย',
      'result.print': 'พิมพ์หน้านี้',
      'result.follow': 'ติดตามสถานะเรื่องนี้',
      'result.new': 'ยื่นเรื่องใหม่',
      'result.empty': 'เลขที่เรื่องและรหัสรับเรื่องแสดงเพียงครั้งเดียวหลังส่งเรื่อง และจะหายไปเมื่อโหลดหน้าใหม่ หากท่านมีทั้งสองค่าแล้ว ติดตามสถานะได้ที่หน้าติดตามสถานะเรื่อง',

      'status.title': 'ติดตามสถานะเรื่องร้องเรียน',
      'status.intro': 'กรอกเลขที่เรื่องและรหัสรับเรื่องที่ได้รับเมื่อส่งเรื่อง',
      'status.submit': 'ดูสถานะ',
      'status.loading': 'กำลังค้นหา…',
      'status.caseHeading': 'เรื่องเลขที่ {tn}',
      'status.stage': 'ขั้นตอนปัจจุบัน',
      'status.status': 'สถานะ',
      'status.receivedAt': 'วันที่รับเรื่อง',
      'status.closedAt': 'วันที่ปิดเรื่อง',
      'status.outcome': 'ผลการพิจารณา',
      'status.stages': 'ขั้นตอนการดำเนินการ',
      'status.currentMarker': '(ขั้นตอนปัจจุบัน)',
      'status.awaitingTitle': 'เจ้าหน้าที่ขอข้อมูลเพิ่มเติมจากท่าน',
      'status.awaiting': 'โปรดอ่านข้อความล่าสุดด้านล่าง แล้วส่งข้อมูลเพิ่มเติมด้วยแบบฟอร์ม "ส่งข้อมูลเพิ่มเติม"',
      'status.messages': 'ข้อความถึงท่าน',
      'status.noMessages': 'ยังไม่มีข้อความ',
      'status.refresh': 'โหลดสถานะใหม่',
      'status.clear': 'ล้างข้อมูลออกจากหน้าจอ',
      'status.cleared': 'ล้างข้อมูลเรื่องออกจากหน้าจอแล้ว',
      'status.closedNoMore': 'เรื่องนี้ปิดแล้ว จึงส่งข้อมูลเพิ่มเติมไม่ได้',
      'status.refreshed': 'โหลดสถานะล่าสุดแล้ว',

      'msg.open': 'ส่งข้อมูลเพิ่มเติม',
      'msg.title': 'ส่งข้อมูลเพิ่มเติม',
      'msg.text': 'ข้อมูลเพิ่มเติม',
      'msg.text.hint': 'ไม่เกิน 4,000 ตัวอักษร หากร้องเรียนโดยไม่เปิดเผยตัวตน อย่าใส่ข้อมูลที่ระบุตัวท่าน',
      'msg.submit': 'ส่งข้อมูล',
      'msg.sending': 'กำลังส่ง…',
      'msg.cancel': 'ยกเลิก',
      'msg.sent': 'ได้รับข้อมูลเพิ่มเติมของท่านแล้ว',

      counter: '{n} / {max} ตัวอักษร',
      'files.remove': 'นำออก',
      'files.removeLabel': 'นำไฟล์ {name} ออก',
      'files.added': 'เพิ่มไฟล์แล้ว {count} ไฟล์ (รวม {total} จาก {max} ไฟล์)',
      'files.removed': 'นำไฟล์ {name} ออกแล้ว',

      'v.required': 'กรุณากรอกข้อมูลในช่องนี้',
      'v.choose': 'กรุณาเลือกหนึ่งรายการ',
      'v.maxLength': 'ยาวเกิน {max} ตัวอักษร (ขณะนี้ {n})',
      'v.email': 'รูปแบบอีเมลไม่ถูกต้อง เช่น name@example.com',
      'v.phone': 'หมายเลขโทรศัพท์ใช้ได้เฉพาะตัวเลข เครื่องหมาย + - ( ) และช่องว่าง 6 ถึง 30 ตัว',
      'v.contact': 'ระบุช่องทางติดต่ออย่างน้อยหนึ่งช่องทาง (อีเมล หมายเลขโทรศัพท์ หรือที่อยู่) หรือเลือกร้องเรียนโดยไม่เปิดเผยตัวตน',
      'v.amount': 'ระบุเป็นตัวเลขที่ไม่ติดลบ ทศนิยมไม่เกิน 2 ตำแหน่ง',
      'v.years': 'ระบุเป็นจำนวนเต็ม 0 ถึง 100',
      'v.dateInvalid': 'วันที่ไม่ถูกต้อง',
      'v.dateFuture': 'วันที่เกิดเหตุต้องไม่เกินวันนี้',
      'v.volunteer': 'ใช้ได้เฉพาะตัวอักษรภาษาอังกฤษ ตัวเลข และขีด (-) ไม่เกิน 50 ตัว',
      'v.tracking': 'เลขที่เรื่องต้องอยู่ในรูปแบบ ACC-ปปปป-nnnnnn เช่น ACC-2569-000123 (ตรวจสอบว่าแป้นพิมพ์เป็นภาษาอังกฤษ)',
      'v.receipt': 'รหัสรับเรื่องใช้เฉพาะตัวอักษรภาษาอังกฤษ ตัวเลข และขีด (ตรวจสอบว่าแป้นพิมพ์เป็นภาษาอังกฤษ)',
      'v.files.tooMany': 'แนบได้ไม่เกิน {max} ไฟล์',
      'v.files.tooBig': 'ไฟล์ "{name}" มีขนาด {size} เกิน 10 MB',
      'v.files.type': 'ไฟล์ "{name}" เป็นชนิดที่ไม่รองรับ (รองรับ PDF, JPEG, PNG, .txt, .docx, .xlsx)',
      'v.files.empty': 'ไฟล์ "{name}" ว่างเปล่า',

      'err.prefix': 'ข้อผิดพลาด:',
      'err.summaryTitle': 'กรุณาแก้ไขข้อมูลต่อไปนี้',
      'err.invalidTitle': 'ข้อมูลไม่ถูกต้อง',
      'err.networkTitle': 'ติดต่อเซิร์ฟเวอร์ไม่ได้',
      'err.network': 'ยังไม่ได้รับการยืนยันว่าเรื่องของท่านถึงเราแล้ว กรุณาตรวจสอบการเชื่อมต่ออินเทอร์เน็ตแล้วกด "ส่งอีกครั้ง" ระบบจะไม่บันทึกเรื่องซ้ำ',
      'err.networkSimple': 'กรุณาตรวจสอบการเชื่อมต่ออินเทอร์เน็ตแล้วลองอีกครั้ง',
      'err.retry': 'ส่งอีกครั้ง',
      'err.noReceipt': 'เซิร์ฟเวอร์ตอบกลับแล้ว แต่อ่านเลขที่เรื่องไม่ได้ กรุณากด "ส่งอีกครั้ง" ระบบจะไม่บันทึกเรื่องซ้ำ',
      'err.serverTitle': 'ระบบขัดข้องชั่วคราว',
      'err.server': 'ไม่สามารถดำเนินการได้ในขณะนี้ (รหัส {status}) กรุณาลองใหม่อีกครั้ง',
      'err.tooManyTitle': 'มีการส่งคำขอมากเกินไป',
      'err.tooMany': 'กรุณารอสักครู่แล้วลองใหม่',
      'err.tooLarge': 'ไฟล์แนบรวมกันมีขนาดใหญ่เกินไป กรุณาลดจำนวนหรือขนาดไฟล์',
      'err.notFoundTitle': 'ไม่พบเรื่อง',
      'err.notFound': 'ไม่พบเรื่องที่ตรงกับเลขที่เรื่องและรหัสรับเรื่องนี้ กรุณาตรวจสอบทั้งสองค่าแล้วลองอีกครั้ง',
      'err.idempotencyTitle': 'แบบฟอร์มนี้เคยถูกส่งมาแล้ว',
      'err.idempotency': 'การส่งครั้งก่อนอาจถึงเราแล้วโดยมีข้อมูลต่างจากฉบับนี้ กด "ส่งข้อมูลเดิมอีกครั้ง" เพื่อรับเลขที่เรื่องของการส่งครั้งก่อน หรือกด "ส่งเป็นเรื่องใหม่" หากแน่ใจว่าต้องการยื่นอีกเรื่องหนึ่ง',
      'err.resendOriginal': 'ส่งข้อมูลเดิมอีกครั้ง',
      'err.sendAsNew': 'ส่งเป็นเรื่องใหม่',
      'err.unexpectedTitle': 'เกิดข้อผิดพลาด',
      'err.unexpected': 'เกิดข้อผิดพลาดที่ไม่คาดคิด (รหัส {status}) กรุณาลองใหม่อีกครั้ง'
    },

    en: {
      agency: 'Anti-Corruption Operation Center',
      systemName: 'Corruption and Misconduct Complaint System',
      skipLink: 'Skip to main content',
      'lang.label': 'Language',
      'lang.th': 'ไทย',
      'lang.en': 'English',
      'nav.label': 'Main menu',
      'nav.report': 'Report corruption',
      'nav.status': 'Follow a case',
      'footer.staff': 'Staff login',
      'footer.note': 'The identity of complainants is protected and kept confidential.',
      'sidebar.label': 'Guidance and privacy notice',

      'report.title': 'Report corruption',
      'report.intro': 'Report corruption or misconduct by public officials. When you send your report you receive a tracking number and a receipt code to follow it.',
      'report.channelNote': 'This is the dedicated online channel for corruption and misconduct complaints (as required by the ITA assessment), separate from the channel for general complaints.',
      'tips.title': 'What makes a complaint usable',
      'tips.text': 'Name the agency or official concerned, give clear facts (what happened, when, where, who, how) and attach evidence if you have any.',
      'tips.anon': 'If you report anonymously, do not put your own name or contact details in the description or in attached files.',

      'privacy.title': 'Privacy notice',
      'privacy.law': 'Under the Personal Data Protection Act B.E. 2562 (2019)',
      'privacy.purpose': 'The center collects and uses the data you give only to receive and handle your complaint, on the basis of its legal duty and its public task.',
      'privacy.confidential': 'Your identity is kept confidential and stored apart from the complaint. Only the intake unit can see it; it is never disclosed to the person complained about or to the investigators.',
      'privacy.anonymous': 'Anonymous complaints are accepted, and every complaint is judged on its facts.',
      'privacy.retention': 'Data is kept only as long as needed to handle the complaint and as the law requires, then deleted.',
      'privacy.rights': 'You have the rights the law gives you to access, correct or erase your personal data.',
      'privacy.dpo': 'Contact the center\u2019s data protection officer:',
      'privacy.dpoEmail': 'dpo@example.go.th',

      'form.requiredNote': 'required',
      'form.submit': 'Send complaint',
      'form.sending': 'Sending…',
      'sec.complaint': 'Your complaint',
      'sec.accused': 'The official complained about',
      'sec.evidence': 'Evidence',
      'sec.you': 'About you',

      'f.category': 'Type of complaint',
      'f.category.choose': '— Choose a type —',
      'f.category.otherHint': 'Matters that are not corruption or misconduct may be passed on to the general complaints channel.',
      'f.subject': 'Subject',
      'f.subject.hint': 'A short summary, at most 200 characters.',
      'f.description': 'Details',
      'f.description.hint': 'Say what happened, when, where, who was involved and how.',
      'f.description.anon': 'You chose to report anonymously: do not put your own name, phone number, e-mail or anything that identifies you in the details.',
      'f.incidentDate': 'Date of the incident',
      'f.incidentDate.hint': 'If known; not in the future.',
      'f.amount': 'Amount involved (baht)',
      'f.amount.hint': 'If known; a number such as 150000 or 1,250.50.',
      'f.location': 'Place of the incident',
      'f.location.hint': 'If known; at most 300 characters.',
      'f.unit': 'Agency or unit of the official',
      'f.unit.hint': 'The department, division, office or unit the official belongs to.',
      'f.accusedName': 'Name of the official (if known)',
      'f.position': 'Position (if known)',
      'f.rank': 'Level of the official',
      'f.rank.hint': 'If you are not sure, choose the closest level.',
      'f.leftOffice': 'The official has left office or the civil service',
      'f.years': 'Years since the official left office',
      'f.years.hint': 'A whole number from 0 to 100; an estimate is fine (0 = less than a year).',
      'f.evidence': 'Add evidence files',
      'f.evidence.hint': 'Optional. Up to 5 files, each at most 10 MB: PDF, JPEG, PNG, plain text (.txt), Word (.docx) or Excel (.xlsx).',
      'f.identity': 'Your identity',
      'f.identity.anonymous': 'Report anonymously',
      'f.identity.anonymous.hint': 'We will not know who you are and cannot contact you. You follow the case with the tracking number and receipt code.',
      'f.identity.named': 'Give my name and contact details',
      'f.identity.named.hint': 'Your details are kept confidential and stored apart from the complaint.',
      'f.contact': 'Contact details',
      'f.consent.short': 'Consent to be contacted',
      'f.contact.hint': 'Give at least one way to reach you: e-mail, phone number or address.',
      'f.name': 'Full name',
      'f.email': 'E-mail',
      'f.phone': 'Phone number',
      'f.address': 'Postal address',
      'f.consent': 'I agree that staff may contact me to ask for more facts about this complaint',
      'f.volunteer': 'Volunteer network code, if any',
      'f.volunteer.hint': 'Latin letters, digits and hyphens (-), at most 50.',
      'f.tracking': 'Tracking number',
      'f.tracking.hint': 'For example ACC-2569-000123',
      'f.receipt': 'Receipt code',
      'f.receipt.hint': 'The code shown once after you sent your complaint, for example ABCD-EFGH-JKLM-NPQR-STUV',

      'category.BRIBERY': 'Bribery and extortion',
      'category.PROCUREMENT': 'Procurement irregularities',
      'category.ABUSE_OF_POWER': 'Abuse of power',
      'category.CONFLICT_OF_INTEREST': 'Conflict of interest',
      'category.GIFTS': 'Gifts and benefits',
      'category.EMBEZZLEMENT': 'Embezzlement',
      'category.UNUSUAL_WEALTH': 'Unusual wealth',
      'category.PERSONNEL': 'Unfair personnel management',
      'category.MISCONDUCT': 'Other misconduct',
      'category.OTHER': 'Other',
      'rank.OPERATIONAL': 'Below director level',
      'rank.DIRECTOR': 'Director level',
      'rank.EXECUTIVE': 'Executive level',

      'stage.RECEIPT': 'Received',
      'stage.SCREENING': 'Screening',
      'stage.AWAITING_COMPLAINANT': 'Waiting for your information',
      'stage.FACT_FINDING': 'Fact-finding',
      'stage.DISCIPLINARY_ACTION': 'Disciplinary action',
      'stage.CLOSED': 'Closed',
      'outcome.REJECTED': 'Closed without action',
      'outcome.FORWARDED': 'Forwarded',
      'outcome.MERGED': 'Merged with an existing case',
      'outcome.NO_GROUNDS': 'No grounds',
      'outcome.REFERRED_CRIMINAL': 'Referred for prosecution',
      'outcome.PENALISED': 'Disciplinary action taken',
      'outcome.NO_PENALTY': 'No penalty',
      'outcome.WITHDRAWN': 'Withdrawn',
      'caseStatus.OPEN': 'In progress',
      'caseStatus.CLOSED': 'Closed',
      'kind.ACKNOWLEDGEMENT': 'Acknowledgement',
      'kind.INFO_REQUEST': 'Request for information',
      'kind.FORWARDED': 'Forwarded',
      'kind.OFFICER': 'Message from the officer',
      'kind.OUTCOME': 'Outcome',
      'kind.other': 'Message',

      'result.title': 'Your complaint has been received',
      'result.emptyTitle': 'Nothing to show',
      'result.intro': 'Write down or copy the tracking number and receipt code below. You need both to follow the case and to send more information.',
      'result.warnTitle': 'Important: the receipt code is shown only this once',
      'result.warnText': 'It cannot be shown again, replaced or recovered. Anyone with the tracking number and this code can read the status of the case. Keep it somewhere safe and do not share it.',
      'result.tracking': 'Tracking number',
      'result.receipt': 'Receipt code',
      'result.copy': 'Copy',
      'result.copyTracking': 'Copy the tracking number',
      'result.copyReceipt': 'Copy the receipt code',
      'result.copied': '{what} copied',
      'result.copyFailed': 'Automatic copy failed. The text is selected: press Ctrl+C (or ⌘+C) to copy it.',
      'result.anonymous': 'You reported anonymously, so staff cannot contact you. Any request for more information will appear on the status page: please check it from time to time.',
      'result.named': 'Staff may contact you through the details you gave. Messages and requests for information also appear on the status page.',
      'result.print': 'Print this page',
      'result.follow': 'Follow this case',
      'result.new': 'File another complaint',
      'result.empty': 'The tracking number and receipt code are shown only once, right after a complaint is sent, and are gone when the page is reloaded. If you have both, follow your case on the status page.',

      'status.title': 'Follow your complaint',
      'status.intro': 'Enter the tracking number and the receipt code you received when you sent your complaint.',
      'status.submit': 'Check status',
      'status.loading': 'Searching…',
      'status.caseHeading': 'Case {tn}',
      'status.stage': 'Current stage',
      'status.status': 'Status',
      'status.receivedAt': 'Received on',
      'status.closedAt': 'Closed on',
      'status.outcome': 'Outcome',
      'status.stages': 'Stages of a case',
      'status.currentMarker': '(current stage)',
      'status.awaitingTitle': 'Staff have asked you for more information',
      'status.awaiting': 'Read the latest message below, then answer with the "Send more information" form.',
      'status.messages': 'Messages to you',
      'status.noMessages': 'No messages yet.',
      'status.refresh': 'Refresh status',
      'status.clear': 'Clear from screen',
      'status.cleared': 'The case details have been cleared from the screen.',
      'status.closedNoMore': 'This case is closed: no more information can be sent.',
      'status.refreshed': 'Status refreshed.',

      'msg.open': 'Send more information',
      'msg.title': 'Send more information',
      'msg.text': 'More information',
      'msg.text.hint': 'At most 4,000 characters. If you reported anonymously, do not include anything that identifies you.',
      'msg.submit': 'Send',
      'msg.sending': 'Sending…',
      'msg.cancel': 'Cancel',
      'msg.sent': 'Your additional information has been received.',

      counter: '{n} / {max} characters',
      'files.remove': 'Remove',
      'files.removeLabel': 'Remove file {name}',
      'files.added': '{count} file(s) added ({total} of {max})',
      'files.removed': 'File {name} removed',

      'v.required': 'This field is required.',
      'v.choose': 'Please choose one option.',
      'v.maxLength': 'Too long: at most {max} characters (now {n}).',
      'v.email': 'Enter a valid e-mail address, such as name@example.com.',
      'v.phone': 'A phone number has 6 to 30 characters: digits, +, -, ( ) and spaces only.',
      'v.contact': 'Give at least one way to reach you (e-mail, phone number or address), or choose to report anonymously.',
      'v.amount': 'Enter a number that is not negative, with at most 2 decimals.',
      'v.years': 'Enter a whole number from 0 to 100.',
      'v.dateInvalid': 'This is not a valid date.',
      'v.dateFuture': 'The date of the incident cannot be in the future.',
      'v.volunteer': 'Use only Latin letters, digits and hyphens (-), at most 50.',
      'v.tracking': 'A tracking number looks like ACC-2569-000123.',
      'v.receipt': 'A receipt code uses only Latin letters, digits and hyphens.',
      'v.files.tooMany': 'At most {max} files can be attached.',
      'v.files.tooBig': 'File "{name}" is {size}, more than 10 MB.',
      'v.files.type': 'File "{name}" is of a type that is not accepted (PDF, JPEG, PNG, .txt, .docx, .xlsx).',
      'v.files.empty': 'File "{name}" is empty.',

      'err.prefix': 'Error:',
      'err.summaryTitle': 'Please correct the following',
      'err.invalidTitle': 'Some information is not valid',
      'err.networkTitle': 'Could not reach the server',
      'err.network': 'Your complaint has not been confirmed yet. Check your internet connection and press "Try again": it will not be filed twice.',
      'err.networkSimple': 'Check your internet connection and try again.',
      'err.retry': 'Try again',
      'err.noReceipt': 'The server answered but the tracking number could not be read. Press "Try again": the complaint will not be filed twice.',
      'err.serverTitle': 'Temporary problem',
      'err.server': 'This cannot be done right now (code {status}). Please try again.',
      'err.tooManyTitle': 'Too many attempts',
      'err.tooMany': 'Please wait a while and try again.',
      'err.tooLarge': 'The attached files are too large together. Attach fewer or smaller files.',
      'err.notFoundTitle': 'No case found',
      'err.notFound': 'No case matches this tracking number and receipt code. Check both and try again.',
      'err.idempotencyTitle': 'This form was already sent',
      'err.idempotency': 'An earlier attempt may already have reached us with different content. Press "Resend the original" to get the tracking number of that attempt, or "Send as a new complaint" if you are sure you want to file another complaint.',
      'err.resendOriginal': 'Resend the original',
      'err.sendAsNew': 'Send as a new complaint',
      'err.unexpectedTitle': 'Something went wrong',
      'err.unexpected': 'An unexpected error occurred (code {status}). Please try again.'
    }
  };

  // ---------------------------------------------------------------------------------------------
  // Constants and state
  // ---------------------------------------------------------------------------------------------
  const LANG_STORAGE_KEY = 'integrity-desk.lang';
  const MAX_FILES = 5;
  const MAX_FILE_BYTES = 10 * 1024 * 1024;
  const ALLOWED_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'txt', 'docx', 'xlsx'];
  const ALLOWED_TYPES = [
    'application/pdf', 'image/jpeg', 'image/png', 'text/plain',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  ];
  const TRACKING_RE = /^ACC-[0-9]{4}-[0-9]{6}$/;
  const RECEIPT_RE = /^[A-Za-z0-9 -]{1,100}$/;
  const VOLUNTEER_RE = /^[A-Za-z0-9-]{1,50}$/;
  const PHONE_RE = /^[0-9+() -]{6,30}$/;
  const EMAIL_RE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
  const AMOUNT_RE = /^[0-9]{1,13}(\.[0-9]{1,2})?$/;
  const YEARS_RE = /^[0-9]{1,3}$/;
  const STAGES = ['RECEIPT', 'SCREENING', 'FACT_FINDING', 'DISCIPLINARY_ACTION', 'CLOSED'];
  const ROUTES = { '#/': 'report', '#/result': 'result', '#/status': 'status' };

  let lang = 'th';
  let currentView = null;

  const state = {
    complaint: { key: newKey(), pending: null, busy: false, errors: null },
    // { trackingNumber, receiptCode, anonymous }: memory only, gone on reload.
    result: null,
    copyNotice: null,
    status: { trackingNumber: '', receiptCode: '', data: null, busy: false, errors: null, notice: null },
    message: { key: newKey(), pending: null, busy: false, errors: null, open: false }
  };

  // ---------------------------------------------------------------------------------------------
  // Small helpers
  // ---------------------------------------------------------------------------------------------
  const byId = (id) => document.getElementById(id);
  const qsa = (selector, root = document) => Array.from(root.querySelectorAll(selector));

  function t(key, params) {
    const table = I18N[lang] || I18N.th;
    let text = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : I18N.th[key];
    if (text === undefined) {
      return key;
    }
    if (params) {
      text = text.replace(/\{(\w+)\}/g, (whole, name) =>
        Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole);
    }
    return text;
  }

  /** A message that is rendered in the language of the moment: {key, params} or server text {text}. */
  const M = (key, params) => ({ key, params });
  const T = (text) => ({ text });
  const msgText = (m) => (m == null ? '' : (m.text !== undefined ? m.text : t(m.key, m.params)));

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [name, value] of Object.entries(attrs)) {
        if (value === null || value === undefined || value === false) continue;
        if (name === 'class') node.className = value;
        else if (name === 'text') node.textContent = value;
        else node.setAttribute(name, value === true ? '' : String(value));
      }
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function newKey() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    // randomUUID needs a secure context; fall back to getRandomValues (RFC 4122 version 4).
    const b = window.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  function readStoredLang() {
    try {
      const v = window.localStorage.getItem(LANG_STORAGE_KEY);
      return v === 'en' || v === 'th' ? v : null;
    } catch (e) {
      return null;
    }
  }

  function storeLang(value) {
    try {
      window.localStorage.setItem(LANG_STORAGE_KEY, value);
    } catch (e) {
      // storage may be unavailable (private mode, policy): the choice then lasts for this page only
    }
  }

  function formatNumber(n, options) {
    return new Intl.NumberFormat(lang === 'th' ? 'th-TH' : 'en-GB', options).format(n);
  }

  function formatSize(bytes) {
    if (bytes < 1024 * 1024) {
      return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
    }
    return `${formatNumber(bytes / (1024 * 1024), { maximumFractionDigits: 1 })} MB`;
  }

  /** ISO-8601 instant: Buddhist-era Thai calendar in Thai, Gregorian in English. */
  function formatDate(iso, withTime) {
    if (!iso) return '';
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return String(iso);
    const locale = lang === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB';
    const options = withTime ? { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Bangkok' }
      : { dateStyle: 'long', timeZone: 'Asia/Bangkok' };
    try {
      return d.toLocaleString(locale, options);
    } catch (e) {
      return d.toLocaleDateString(lang === 'th' ? 'th-TH' : 'en-GB');
    }
  }

  /** Today in Bangkok as YYYY-MM-DD: the server judges "not in the future" on Thai time. */
  function todayInBangkok() {
    try {
      return new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Asia/Bangkok', year: 'numeric', month: '2-digit', day: '2-digit'
      }).format(new Date());
    } catch (e) {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Language
  // ---------------------------------------------------------------------------------------------
  function setLanguage(value, remember) {
    lang = value === 'en' ? 'en' : 'th';
    if (remember) storeLang(lang);
    applyTexts();
  }

  function applyTexts() {
    document.documentElement.lang = lang;
    qsa('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
    qsa('[data-i18n-aria-label]').forEach((node) => node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel)));
    qsa('[data-i18n-placeholder]').forEach((node) => node.setAttribute('placeholder', t(node.dataset.i18nPlaceholder)));
    qsa('.lang-button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === lang)));

    // Everything drawn from data is drawn again in the new language.
    updateCounters();
    complaintPicker.render();
    messagePicker.render();
    renderErrors(complaintForm, byId('complaint-errors'), state.complaint.errors);
    renderErrors(statusForm, byId('status-errors'), state.status.errors);
    renderErrors(messageForm, byId('message-errors'), state.message.errors);
    renderBusy();
    renderResult();
    renderStatus();
    renderNotice();
    updateTitle();
  }

  // ---------------------------------------------------------------------------------------------
  // Routing (hash based, one page)
  // ---------------------------------------------------------------------------------------------
  function route(initial) {
    const hash = window.location.hash || '#/';
    if (!hash.startsWith('#/') && !initial) {
      return; // an in-page anchor, not a route
    }
    let view = ROUTES[hash];
    if (!view) {
      view = 'report';
      if (hash !== '#/') history.replaceState(null, '', '#/');
    }
    currentView = view;
    for (const name of ['report', 'result', 'status']) {
      byId(`view-${name}`).hidden = name !== view;
    }
    qsa('.nav-link').forEach((a) => {
      if (a.dataset.route === view) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
    if (view === 'result') renderResult();
    if (view === 'report') byId('f-incidentDate').max = todayInBangkok();
    updateTitle();
    if (!initial) {
      window.scrollTo(0, 0);
      const heading = byId(`${view}-title`);
      if (heading) heading.focus({ preventScroll: true });
    }
  }

  function updateTitle() {
    const titles = {
      report: t('report.title'),
      result: state.result ? t('result.title') : t('result.emptyTitle'),
      status: t('status.title')
    };
    document.title = `${titles[currentView] || t('report.title')} | ${t('systemName')}`;
  }

  // ---------------------------------------------------------------------------------------------
  // Field errors and error summaries (shared by the three forms)
  // ---------------------------------------------------------------------------------------------
  /** The wrapper (.field[data-field]) for a dotted field name; falls back to the closest parent path. */
  function findField(form, field) {
    let name = String(field || '').replace(/\[\d*\]/g, '');
    while (name) {
      const wrap = qsa('[data-field]', form).find((w) => w.dataset.field === name);
      if (wrap) return wrap.closest('[hidden]') ? null : wrap;
      const dot = name.lastIndexOf('.');
      name = dot > 0 ? name.slice(0, dot) : '';
    }
    return null;
  }

  /** Controls that belong to this wrapper (not to a nested one). */
  function ownControls(wrap) {
    return qsa('input, select, textarea', wrap).filter((c) => c.closest('[data-field]') === wrap);
  }

  function focusTarget(wrap) {
    if (wrap.dataset.focus) return byId(wrap.dataset.focus);
    const controls = ownControls(wrap);
    return controls.find((c) => c.type === 'radio' && c.checked) || controls[0] || null;
  }

  function focusField(wrap) {
    const target = focusTarget(wrap);
    if (!target) return;
    target.focus({ preventScroll: true });
    wrap.scrollIntoView({ block: 'center', behavior: 'auto' });
  }

  function fieldLabel(wrap) {
    if (wrap.dataset.label) return t(wrap.dataset.label);
    const label = qsa('.label-text', wrap).find((l) => l.closest('[data-field]') === wrap);
    return label ? label.textContent.trim() : '';
  }

  /** aria-describedby without the hints that are hidden at the moment (hidden text would still be read). */
  function syncDescribedBy() {
    qsa('[data-describedby]').forEach((control) => {
      const ids = control.dataset.describedby.split(/\s+/).filter((id) => byId(id) && !byId(id).hidden);
      control.setAttribute('aria-describedby', ids.join(' '));
    });
  }

  function clearFieldErrors(form) {
    qsa('[data-field]', form).forEach((wrap) => {
      wrap.classList.remove('has-error');
      const errorEl = wrap.querySelector(':scope > .field-error');
      if (errorEl) errorEl.replaceChildren();
      ownControls(wrap).forEach((c) => c.removeAttribute('aria-invalid'));
    });
  }

  /**
   * errors: { title: msg, detail: msg|null, fields: [{field, msg}], actions: [{label: msg, run}], source }
   * Field messages go next to their field; the summary lists them as links and shows the rest.
   */
  function renderErrors(form, summary, errors) {
    clearFieldErrors(form);
    summary.replaceChildren();
    if (!errors) return [];

    const byWrap = new Map();
    const unmatched = [];
    for (const fe of errors.fields || []) {
      const wrap = findField(form, fe.field);
      if (wrap) {
        if (!byWrap.has(wrap)) byWrap.set(wrap, []);
        byWrap.get(wrap).push(fe.msg);
      } else {
        unmatched.push(fe);
      }
    }
    const wraps = Array.from(byWrap.keys()).sort((a, b) =>
      (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));

    for (const wrap of wraps) {
      const text = byWrap.get(wrap).map(msgText).filter(Boolean).join(' ');
      wrap.classList.add('has-error');
      const errorEl = wrap.querySelector(':scope > .field-error');
      if (errorEl) {
        errorEl.append(el('span', { class: 'visually-hidden', text: `${t('err.prefix')} ` }), text);
      }
      ownControls(wrap).forEach((c) => c.setAttribute('aria-invalid', 'true'));
    }

    const box = el('div', { class: 'error-box' });
    box.append(el('h2', { class: 'error-title', text: msgText(errors.title || M('err.summaryTitle')) }));
    if (errors.detail) box.append(el('p', { class: 'error-detail', text: msgText(errors.detail) }));
    if (wraps.length || unmatched.length) {
      const list = el('ul', { class: 'error-list' });
      for (const wrap of wraps) {
        const target = focusTarget(wrap);
        const label = fieldLabel(wrap);
        const text = byWrap.get(wrap).map(msgText).filter(Boolean).join(' ');
        const link = el('a', { href: target ? `#${target.id}` : '#', text: label ? `${label}: ${text}` : text });
        link.addEventListener('click', (event) => {
          event.preventDefault();
          focusField(wrap);
        });
        list.append(el('li', null, link));
      }
      for (const fe of unmatched) {
        list.append(el('li', { text: msgText(fe.msg) }));
      }
      box.append(list);
    }
    if (errors.actions && errors.actions.length) {
      const actions = el('div', { class: 'actions' });
      errors.actions.forEach((action, i) => {
        const button = el('button', {
          type: 'button',
          class: i === 0 ? 'button button-primary' : 'button button-secondary',
          text: msgText(action.label)
        });
        button.addEventListener('click', action.run);
        actions.append(button);
      });
      box.append(actions);
    }
    summary.append(box);
    return wraps;
  }

  function showErrors(form, summary, holder, errors, moveFocus) {
    holder.errors = errors;
    const wraps = renderErrors(form, summary, errors);
    if (moveFocus && wraps.length) focusField(wraps[0]);
  }

  /** Field errors of a problem+json answer: [{field, msg}]. */
  function problemFields(problem) {
    if (!problem || !Array.isArray(problem.errors)) return [];
    return problem.errors
      .filter((e) => e && typeof e.field === 'string')
      .map((e) => ({ field: e.field, msg: T(String(e.message || '')) }));
  }

  // ---------------------------------------------------------------------------------------------
  // HTTP
  // ---------------------------------------------------------------------------------------------
  class NetworkError extends Error {}

  /**
   * JSON when there are no files, otherwise multipart with the JSON as part `partName` and files as `evidence`.
   * Resolves to {ok, status, data, retryAfter}; rejects with NetworkError when no answer was read.
   */
  async function call(url, { method = 'GET', headers = {}, json, files, partName, timeoutMs } = {}) {
    const h = new Headers({ Accept: 'application/json, application/problem+json', 'Accept-Language': lang });
    for (const [name, value] of Object.entries(headers)) h.set(name, value);
    let body;
    if (files && files.length) {
      body = new FormData();
      body.append(partName, new Blob([JSON.stringify(json)], { type: 'application/json' }));
      for (const file of files) body.append('evidence', file, file.name);
    } else if (json !== undefined) {
      h.set('Content-Type', 'application/json');
      body = JSON.stringify(json);
    }
    const controller = new AbortController();
    const timer = timeoutMs ? setTimeout(() => controller.abort(), timeoutMs) : null;
    let response;
    try {
      response = await fetch(url, {
        method, headers: h, body, signal: controller.signal,
        credentials: 'same-origin', cache: 'no-store'
      });
    } catch (e) {
      throw new NetworkError(String(e));
    } finally {
      if (timer) clearTimeout(timer);
    }
    let data = null;
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) {
      try {
        data = await response.json();
      } catch (e) {
        if (response.ok) throw new NetworkError('unreadable answer');
        data = null;
      }
    }
    return { ok: response.ok, status: response.status, data, retryAfter: response.headers.get('Retry-After') };
  }

  /** The errors to show for a failed answer that the caller has not handled itself. */
  function genericFailure(res) {
    const p = res.data || {};
    if (res.status === 429) {
      return { title: M('err.tooManyTitle'), detail: p.detail ? T(p.detail) : M('err.tooMany'), fields: [] };
    }
    if (res.status === 413) {
      return {
        title: p.title ? T(p.title) : M('err.invalidTitle'),
        detail: p.detail ? T(p.detail) : M('err.tooLarge'),
        fields: problemFields(p).length ? problemFields(p) : [{ field: 'evidence', msg: M('err.tooLarge') }]
      };
    }
    if (res.status === 400 || res.status === 422) {
      const fields = problemFields(p);
      // With field errors the detail only repeats them ("field: message; ..."); they are listed instead.
      return {
        title: p.title ? T(p.title) : M('err.invalidTitle'),
        detail: fields.length ? null : (p.detail ? T(p.detail) : null),
        fields
      };
    }
    if (res.status >= 500) {
      return { title: M('err.serverTitle'), detail: M('err.server', { status: res.status }), fields: [] };
    }
    return {
      title: p.title ? T(p.title) : M('err.unexpectedTitle'),
      detail: p.detail ? T(p.detail) : M('err.unexpected', { status: res.status }),
      fields: problemFields(p)
    };
  }

  // ---------------------------------------------------------------------------------------------
  // File pickers (complaint evidence, message evidence)
  // ---------------------------------------------------------------------------------------------
  function fileProblem(file) {
    const dot = file.name.lastIndexOf('.');
    const ext = dot >= 0 ? file.name.slice(dot + 1).toLowerCase() : '';
    if (!ALLOWED_EXTENSIONS.includes(ext) && !ALLOWED_TYPES.includes(file.type)) {
      return M('v.files.type', { name: file.name });
    }
    if (file.size === 0) return M('v.files.empty', { name: file.name });
    if (file.size > MAX_FILE_BYTES) return M('v.files.tooBig', { name: file.name, size: formatSize(file.size) });
    return null;
  }

  function createPicker(prefix) {
    const input = byId(`${prefix}-evidence`);
    const list = byId(`${prefix}-evidence-list`);
    const status = byId(`${prefix}-evidence-status`);
    const picker = { files: [], notice: null, problems: [] };

    picker.render = () => {
      list.replaceChildren();
      picker.files.forEach((file, index) => {
        const remove = el('button', {
          type: 'button', class: 'button button-link file-remove',
          'aria-label': t('files.removeLabel', { name: file.name })
        }, t('files.remove'));
        remove.addEventListener('click', () => {
          picker.files.splice(index, 1);
          picker.problems = [];
          picker.notice = M('files.removed', { name: file.name });
          picker.render();
          const buttons = qsa('.file-remove', list);
          if (buttons.length) buttons[Math.min(index, buttons.length - 1)].focus();
          else input.focus();
        });
        list.append(el('li', { class: 'file-item' },
          el('span', { class: 'file-name', text: file.name }),
          el('span', { class: 'file-size', text: formatSize(file.size) }),
          remove));
      });
      list.hidden = picker.files.length === 0;
      status.replaceChildren();
      if (picker.problems.length) {
        status.classList.add('is-error');
        status.textContent = picker.problems.map(msgText).join(' ');
      } else {
        status.classList.remove('is-error');
        status.textContent = picker.notice ? msgText(picker.notice) : '';
      }
    };

    picker.clear = () => {
      picker.files = [];
      picker.notice = null;
      picker.problems = [];
      input.value = '';
      picker.render();
    };

    /** Problems that stop a submission (normally prevented when files are added). */
    picker.validate = () => {
      const problems = [];
      if (picker.files.length > MAX_FILES) problems.push(M('v.files.tooMany', { max: MAX_FILES }));
      for (const file of picker.files) {
        const p = fileProblem(file);
        if (p) problems.push(p);
      }
      return problems;
    };

    input.addEventListener('change', () => {
      const problems = [];
      let added = 0;
      for (const file of Array.from(input.files || [])) {
        const duplicate = picker.files.some((f) =>
          f.name === file.name && f.size === file.size && f.lastModified === file.lastModified);
        if (duplicate) continue;
        if (picker.files.length >= MAX_FILES) {
          problems.push(M('v.files.tooMany', { max: MAX_FILES }));
          break;
        }
        const p = fileProblem(file);
        if (p) {
          problems.push(p);
          continue;
        }
        picker.files.push(file);
        added += 1;
      }
      input.value = '';
      picker.problems = problems;
      picker.notice = added ? M('files.added', { count: added, total: picker.files.length, max: MAX_FILES }) : null;
      picker.render();
    });

    return picker;
  }

  // ---------------------------------------------------------------------------------------------
  // View 1: the complaint form
  // ---------------------------------------------------------------------------------------------
  let complaintForm;
  let statusForm;
  let messageForm;
  let complaintPicker;
  let messagePicker;

  const val = (id) => byId(id).value.trim();
  const isAnonymous = () => byId('f-identity-anonymous').checked;

  function updateCounters() {
    qsa('.counter').forEach((counter) => {
      const field = byId(counter.id.replace(/-count$/, ''));
      const max = Number(counter.dataset.max);
      counter.textContent = t('counter', { n: formatNumber(field.value.length), max: formatNumber(max) });
      counter.classList.toggle('is-over', field.value.length > max);
    });
  }

  function updateComplaintToggles() {
    const anonymous = isAnonymous();
    byId('contact-fields').hidden = anonymous;
    byId('f-description-anon').hidden = !anonymous;
    byId('years-field').hidden = !byId('f-leftOffice').checked;
    byId('f-category-hint').hidden = byId('f-category').value !== 'OTHER';
    syncDescribedBy();
  }

  function checkLength(errors, field, value, max) {
    if (value.length > max) errors.push({ field, msg: M('v.maxLength', { max: formatNumber(max), n: formatNumber(value.length) }) });
  }

  function validateComplaint() {
    const errors = [];
    const required = (field, id, max) => {
      const v = val(id);
      if (!v) errors.push({ field, msg: M('v.required') });
      else checkLength(errors, field, v, max);
    };
    if (!val('f-category')) errors.push({ field: 'category', msg: M('v.choose') });
    required('subject', 'f-subject', 200);
    required('description', 'f-description', 10000);

    const dateInput = byId('f-incidentDate');
    if (dateInput.validity && dateInput.validity.badInput) {
      errors.push({ field: 'incidentDate', msg: M('v.dateInvalid') });
    } else if (dateInput.value) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(dateInput.value) || Number.isNaN(Date.parse(dateInput.value))) {
        errors.push({ field: 'incidentDate', msg: M('v.dateInvalid') });
      } else if (dateInput.value > todayInBangkok()) {
        errors.push({ field: 'incidentDate', msg: M('v.dateFuture') });
      }
    }
    const amount = val('f-amountInvolved').replace(/[,\s]/g, '');
    if (amount && !AMOUNT_RE.test(amount)) errors.push({ field: 'amountInvolved', msg: M('v.amount') });
    checkLength(errors, 'location', val('f-location'), 300);

    required('accused.unit', 'f-accused-unit', 200);
    checkLength(errors, 'accused.name', val('f-accused-name'), 200);
    checkLength(errors, 'accused.position', val('f-accused-position'), 200);
    if (!qsa('input[name="accused.rank"]', complaintForm).some((r) => r.checked)) {
      errors.push({ field: 'accused.rank', msg: M('v.choose') });
    }
    if (byId('f-leftOffice').checked) {
      const years = val('f-accused-yearsSinceLeftOffice');
      if (!years) errors.push({ field: 'accused.yearsSinceLeftOffice', msg: M('v.required') });
      else if (!YEARS_RE.test(years) || Number(years) > 100) {
        errors.push({ field: 'accused.yearsSinceLeftOffice', msg: M('v.years') });
      }
    }

    complaintPicker.validate().forEach((msg) => errors.push({ field: 'evidence', msg }));

    if (!isAnonymous()) {
      const email = val('f-complainant-email');
      const phone = val('f-complainant-phone');
      const address = val('f-complainant-address');
      checkLength(errors, 'complainant.name', val('f-complainant-name'), 200);
      if (!email && !phone && !address) errors.push({ field: 'complainant', msg: M('v.contact') });
      if (email) {
        if (!EMAIL_RE.test(email)) errors.push({ field: 'complainant.email', msg: M('v.email') });
        else checkLength(errors, 'complainant.email', email, 200);
      }
      if (phone && !PHONE_RE.test(phone)) errors.push({ field: 'complainant.phone', msg: M('v.phone') });
      checkLength(errors, 'complainant.address', address, 500);
    }

    const volunteer = val('f-volunteerCode');
    if (volunteer && !VOLUNTEER_RE.test(volunteer)) errors.push({ field: 'volunteerCode', msg: M('v.volunteer') });
    return errors;
  }

  function buildComplaint() {
    const optional = (id) => val(id) || undefined;
    const rank = qsa('input[name="accused.rank"]', complaintForm).find((r) => r.checked);
    const body = {
      channel: 'WEB',
      category: val('f-category'),
      subject: val('f-subject'),
      description: val('f-description'),
      accused: {
        name: optional('f-accused-name'),
        position: optional('f-accused-position'),
        unit: val('f-accused-unit'),
        rank: rank ? rank.value : undefined
      },
      incidentDate: optional('f-incidentDate'),
      location: optional('f-location')
    };
    if (byId('f-leftOffice').checked && val('f-accused-yearsSinceLeftOffice')) {
      body.accused.yearsSinceLeftOffice = Number(val('f-accused-yearsSinceLeftOffice'));
    }
    const amount = val('f-amountInvolved').replace(/[,\s]/g, '');
    if (amount) body.amountInvolved = Number(amount);
    if (!isAnonymous()) {
      body.complainant = {
        name: optional('f-complainant-name'),
        email: optional('f-complainant-email'),
        phone: optional('f-complainant-phone'),
        address: optional('f-complainant-address')
      };
      body.consentToContact = byId('f-consentToContact').checked;
    }
    const volunteer = val('f-volunteerCode');
    if (volunteer) {
      body.volunteerCode = volunteer;
      body.channel = 'VOLUNTEER_NETWORK';
    }
    return body;
  }

  function resetComplaintForm() {
    complaintForm.reset();
    complaintPicker.clear();
    state.complaint.errors = null;
    renderErrors(complaintForm, byId('complaint-errors'), null);
    updateComplaintToggles();
    updateCounters();
  }

  function onComplaintSubmit(event) {
    event.preventDefault();
    if (state.complaint.busy) return;
    const errors = validateComplaint();
    if (errors.length) {
      showErrors(complaintForm, byId('complaint-errors'), state.complaint,
        { title: M('err.summaryTitle'), fields: errors, source: 'client' }, true);
      return;
    }
    sendComplaint({ key: state.complaint.key, body: buildComplaint(), files: complaintPicker.files.slice() });
  }

  /** Sends one attempt; `payload` is kept so that "Try again" resends exactly the same request and key. */
  async function sendComplaint(payload) {
    if (state.complaint.busy) return;
    const summary = byId('complaint-errors');
    state.complaint.pending = payload;
    state.complaint.busy = true;
    renderBusy();
    let res;
    try {
      res = await call('/api/complaints', {
        method: 'POST',
        headers: { 'Idempotency-Key': payload.key },
        json: payload.body,
        files: payload.files,
        partName: 'complaint'
      });
    } catch (e) {
      showErrors(complaintForm, summary, state.complaint, {
        title: M('err.networkTitle'), detail: M('err.network'), fields: [],
        actions: [{ label: M('err.retry'), run: () => sendComplaint(state.complaint.pending) }]
      }, false);
      summary.focus();
      return;
    } finally {
      state.complaint.busy = false;
      renderBusy();
    }

    if (res.ok) {
      const d = res.data || {};
      if (typeof d.trackingNumber === 'string' && typeof d.receiptCode === 'string') {
        state.result = { trackingNumber: d.trackingNumber, receiptCode: d.receiptCode, anonymous: d.anonymous !== false };
        state.copyNotice = null;
        state.complaint.key = newKey();
        state.complaint.pending = null;
        resetComplaintForm();
        window.location.hash = '#/result';
        return;
      }
      showErrors(complaintForm, summary, state.complaint, {
        title: M('err.serverTitle'), detail: M('err.noReceipt'), fields: [],
        actions: [{ label: M('err.retry'), run: () => sendComplaint(state.complaint.pending) }]
      }, false);
      summary.focus();
      return;
    }

    const problem = res.data || {};
    const reusedKey = res.status === 422 && (
      /idempotency/i.test(String(problem.type || '')) ||
      problemFields(problem).some((f) => f.field === 'Idempotency-Key'));
    if (reusedKey) {
      showErrors(complaintForm, summary, state.complaint, {
        title: M('err.idempotencyTitle'), detail: M('err.idempotency'), fields: [],
        actions: [
          { label: M('err.resendOriginal'), run: () => sendComplaint(state.complaint.pending) },
          {
            label: M('err.sendAsNew'),
            run: () => {
              state.complaint.key = newKey();
              state.complaint.pending = null;
              complaintForm.requestSubmit ? complaintForm.requestSubmit() : onComplaintSubmit(new Event('submit'));
            }
          }
        ]
      }, false);
      summary.focus();
      return;
    }

    const errors = genericFailure(res);
    if (res.status >= 500) {
      errors.actions = [{ label: M('err.retry'), run: () => sendComplaint(state.complaint.pending) }];
    }
    errors.source = 'server';
    showErrors(complaintForm, summary, state.complaint, errors, true);
    if (!complaintForm.querySelector('.has-error')) summary.focus();
  }

  function renderBusy() {
    const cb = byId('complaint-submit');
    cb.setAttribute('aria-disabled', String(state.complaint.busy));
    cb.firstElementChild.textContent = t(state.complaint.busy ? 'form.sending' : 'form.submit');
    complaintForm.setAttribute('aria-busy', String(state.complaint.busy));

    const sb = byId('status-submit');
    sb.setAttribute('aria-disabled', String(state.status.busy));
    sb.firstElementChild.textContent = t(state.status.busy ? 'status.loading' : 'status.submit');

    const mb = byId('message-submit');
    mb.setAttribute('aria-disabled', String(state.message.busy));
    mb.firstElementChild.textContent = t(state.message.busy ? 'msg.sending' : 'msg.submit');
  }

  // ---------------------------------------------------------------------------------------------
  // View 2: the receipt
  // ---------------------------------------------------------------------------------------------
  function renderResult() {
    const r = state.result;
    byId('result-content').hidden = !r;
    byId('result-empty').hidden = !!r;
    byId('result-title').textContent = r ? t('result.title') : t('result.emptyTitle');
    byId('result-tracking').textContent = r ? r.trackingNumber : '';
    byId('result-receipt').textContent = r ? r.receiptCode : '';
    byId('result-contact-note').textContent = r ? t(r.anonymous ? 'result.anonymous' : 'result.named') : '';
    renderCopyNotice();
  }

  async function copyFrom(sourceId) {
    const node = byId(sourceId);
    const text = node.textContent;
    let copied = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
        copied = true;
      }
    } catch (e) {
      copied = false;
    }
    if (!copied) {
      // Older browsers or plain http: select the text and try the legacy command; leave it selected if that fails.
      const selection = window.getSelection();
      const range = document.createRange();
      range.selectNodeContents(node);
      selection.removeAllRanges();
      selection.addRange(range);
      try {
        copied = document.execCommand('copy');
      } catch (e) {
        copied = false;
      }
      if (copied) selection.removeAllRanges();
    }
    state.copyNotice = copied ? { copied: sourceId } : M('result.copyFailed');
    renderCopyNotice();
  }

  function renderCopyNotice() {
    const n = state.copyNotice;
    let text = '';
    if (n && n.copied) {
      text = t('result.copied', { what: t(n.copied === 'result-tracking' ? 'result.tracking' : 'result.receipt') });
    } else if (n) {
      text = msgText(n);
    }
    byId('copy-status').textContent = text;
  }

  // ---------------------------------------------------------------------------------------------
  // View 3: follow a case
  // ---------------------------------------------------------------------------------------------
  function validateStatusForm() {
    const errors = [];
    const tracking = val('s-trackingNumber').toUpperCase();
    byId('s-trackingNumber').value = tracking;
    const receipt = val('s-receiptCode');
    if (!tracking) errors.push({ field: 'trackingNumber', msg: M('v.required') });
    else if (!TRACKING_RE.test(tracking)) errors.push({ field: 'trackingNumber', msg: M('v.tracking') });
    // Only the shape is checked here (a header cannot carry Thai letters); never which value is wrong.
    if (!receipt) errors.push({ field: 'receiptCode', msg: M('v.required') });
    else if (!RECEIPT_RE.test(receipt)) errors.push({ field: 'receiptCode', msg: M('v.receipt') });
    return errors;
  }

  function onStatusSubmit(event) {
    event.preventDefault();
    if (state.status.busy) return;
    const errors = validateStatusForm();
    if (errors.length) {
      showErrors(statusForm, byId('status-errors'), state.status, { title: M('err.summaryTitle'), fields: errors }, true);
      return;
    }
    const trackingNumber = val('s-trackingNumber');
    const receiptCode = val('s-receiptCode');
    if (trackingNumber !== state.status.trackingNumber || receiptCode !== state.status.receiptCode) {
      // another case: forget the one on screen and any half-written message for it
      state.status.data = null;
      resetMessageForm(false);
    }
    state.status.trackingNumber = trackingNumber;
    state.status.receiptCode = receiptCode;
    loadStatus(true);
  }

  async function loadStatus(focusResult, notice) {
    if (state.status.busy) return;
    const summary = byId('status-errors');
    state.status.busy = true;
    state.status.notice = notice || null;
    renderNotice();
    renderBusy();
    let res;
    try {
      res = await call(`/api/complaints/${encodeURIComponent(state.status.trackingNumber)}`, {
        headers: { 'X-Receipt-Code': state.status.receiptCode },
        timeoutMs: 30000
      });
    } catch (e) {
      showErrors(statusForm, summary, state.status,
        { title: M('err.networkTitle'), detail: M('err.networkSimple'), fields: [] }, false);
      summary.focus();
      return;
    } finally {
      state.status.busy = false;
      renderBusy();
    }

    if (res.ok && res.data && typeof res.data === 'object') {
      const firstLoad = !state.status.data;
      state.status.data = res.data;
      showErrors(statusForm, summary, state.status, null, false);
      if (res.data.stage === 'CLOSED') state.message.open = false;
      else if (firstLoad && res.data.awaitingInformation) state.message.open = true;
      state.status.notice = notice || null;
      renderStatus();
      renderNotice();
      if (notice) byId('status-notice').focus();
      else if (focusResult) {
        const heading = byId('case-heading');
        if (heading) heading.focus();
      }
      return;
    }

    let errors;
    if (res.status === 404) {
      // One message for both values: never tell which one is wrong.
      errors = { title: M('err.notFoundTitle'), detail: M('err.notFound'), fields: [] };
      state.status.data = null;
      resetMessageForm(false);
      renderStatus();
    } else {
      errors = genericFailure(res);
    }
    showErrors(statusForm, summary, state.status, errors, true);
    if (!statusForm.querySelector('.has-error')) summary.focus();
  }

  function renderNotice() {
    const n = byId('status-notice');
    n.textContent = state.status.notice ? msgText(state.status.notice) : '';
  }

  function renderStatus() {
    const container = byId('status-result');
    const data = state.status.data;
    container.replaceChildren();
    container.hidden = !data;
    byId('message-panel').hidden = !data || data.stage === 'CLOSED' || !state.message.open;
    if (!data) return;

    const closed = data.stage === 'CLOSED';
    const label = (prefix, code) => {
      const key = `${prefix}.${code}`;
      return Object.prototype.hasOwnProperty.call(I18N[lang], key) ? t(key) : String(code);
    };

    container.append(el('h2', { id: 'case-heading', class: 'case-heading', tabindex: '-1',
      text: t('status.caseHeading', { tn: data.trackingNumber || state.status.trackingNumber }) }));

    if (data.awaitingInformation) {
      container.append(el('div', { class: 'notice notice-warning' },
        el('h3', { class: 'notice-title', text: t('status.awaitingTitle') }),
        el('p', { text: t('status.awaiting') })));
    }

    const facts = el('dl', { class: 'facts' });
    const fact = (term, value) => {
      if (value === null || value === undefined || value === '') return;
      facts.append(el('div', { class: 'fact' }, el('dt', { text: term }), el('dd', null, value)));
    };
    fact(t('status.stage'), el('strong', { text: label('stage', data.stage) }));
    if (data.status) fact(t('status.status'), label('caseStatus', data.status));
    if (data.receivedAt) fact(t('status.receivedAt'), el('time', { datetime: data.receivedAt, text: formatDate(data.receivedAt, false) }));
    if (data.closedAt) fact(t('status.closedAt'), el('time', { datetime: data.closedAt, text: formatDate(data.closedAt, false) }));
    if (data.outcome) fact(t('status.outcome'), el('strong', { text: label('outcome', data.outcome) }));
    container.append(facts);

    // The stages, the current one marked (a case may skip stages, so earlier ones are not claimed "done").
    const steps = data.stage === 'AWAITING_COMPLAINANT'
      ? ['RECEIPT', 'SCREENING', 'AWAITING_COMPLAINANT', 'FACT_FINDING', 'DISCIPLINARY_ACTION', 'CLOSED']
      : STAGES;
    const stageList = el('ol', { class: 'stages' });
    for (const step of steps) {
      const current = step === data.stage;
      stageList.append(el('li', { class: current ? 'stage is-current' : 'stage', 'aria-current': current ? 'step' : null },
        el('span', { class: 'stage-label', text: label('stage', step) }),
        current ? el('span', { class: 'visually-hidden', text: ` ${t('status.currentMarker')}` }) : null));
    }
    container.append(el('h3', { class: 'subheading', text: t('status.stages') }), stageList);

    // Messages, oldest first, in the language of the page.
    container.append(el('h3', { class: 'subheading', text: t('status.messages') }));
    const messages = Array.isArray(data.messages) ? data.messages.slice() : [];
    messages.sort((a, b) => (Date.parse(a.at) || 0) - (Date.parse(b.at) || 0));
    if (!messages.length) {
      container.append(el('p', { class: 'muted', text: t('status.noMessages') }));
    } else {
      const timeline = el('ol', { class: 'timeline' });
      for (const m of messages) {
        const text = (lang === 'en' ? (m.en || m.th) : (m.th || m.en)) || '';
        timeline.append(el('li', { class: m.kind === 'INFO_REQUEST' ? 'timeline-item is-request' : 'timeline-item' },
          el('p', { class: 'timeline-meta' },
            el('span', { class: 'timeline-kind', text: label('kind', m.kind || 'other') }),
            m.at ? el('time', { datetime: m.at, text: formatDate(m.at, true) }) : null),
          el('p', { class: 'timeline-text', text })));
      }
      container.append(timeline);
    }

    const actions = el('div', { class: 'actions no-print' });
    if (closed) {
      container.append(el('p', { class: 'muted', text: t('status.closedNoMore') }));
    } else if (!state.message.open) {
      const open = el('button', {
        type: 'button',
        class: data.awaitingInformation ? 'button button-primary' : 'button button-secondary',
        'aria-controls': 'message-panel', 'aria-expanded': 'false', text: t('msg.open')
      });
      open.addEventListener('click', () => {
        state.message.open = true;
        renderStatus();
        byId('m-text').focus();
      });
      actions.append(open);
    }
    const refresh = el('button', { type: 'button', class: 'button button-secondary', text: t('status.refresh') });
    refresh.addEventListener('click', () => loadStatus(false, M('status.refreshed')));
    const clear = el('button', { type: 'button', class: 'button button-link', text: t('status.clear') });
    clear.addEventListener('click', clearStatus);
    actions.append(refresh, clear);
    container.append(actions);
  }

  function clearStatus() {
    state.status.trackingNumber = '';
    state.status.receiptCode = '';
    state.status.data = null;
    state.status.errors = null;
    statusForm.reset();
    resetMessageForm(false);
    renderErrors(statusForm, byId('status-errors'), null);
    renderStatus();
    state.status.notice = M('status.cleared');
    renderNotice();
    byId('s-trackingNumber').focus();
  }

  // --- Send more information ---
  function resetMessageForm(keepOpen) {
    messageForm.reset();
    messagePicker.clear();
    state.message.errors = null;
    state.message.pending = null;
    state.message.open = !!keepOpen;
    renderErrors(messageForm, byId('message-errors'), null);
    updateCounters();
  }

  function onMessageSubmit(event) {
    event.preventDefault();
    if (state.message.busy || !state.status.data) return;
    const errors = [];
    const text = val('m-text');
    if (!text) errors.push({ field: 'text', msg: M('v.required') });
    else checkLength(errors, 'text', text, 4000);
    messagePicker.validate().forEach((msg) => errors.push({ field: 'evidence', msg }));
    if (errors.length) {
      showErrors(messageForm, byId('message-errors'), state.message, { title: M('err.summaryTitle'), fields: errors }, true);
      return;
    }
    sendMessage({ key: state.message.key, body: { text }, files: messagePicker.files.slice() });
  }

  async function sendMessage(payload) {
    if (state.message.busy) return;
    const summary = byId('message-errors');
    state.message.pending = payload;
    state.message.busy = true;
    renderBusy();
    let res;
    try {
      res = await call(`/api/complaints/${encodeURIComponent(state.status.trackingNumber)}/messages`, {
        method: 'POST',
        headers: { 'X-Receipt-Code': state.status.receiptCode, 'Idempotency-Key': payload.key },
        json: payload.body,
        files: payload.files,
        partName: 'message'
      });
    } catch (e) {
      showErrors(messageForm, summary, state.message, {
        title: M('err.networkTitle'), detail: M('err.networkSimple'), fields: [],
        actions: [{ label: M('err.retry'), run: () => sendMessage(state.message.pending) }]
      }, false);
      summary.focus();
      return;
    } finally {
      state.message.busy = false;
      renderBusy();
    }

    if (res.ok) {
      state.message.key = newKey();
      resetMessageForm(false);
      renderStatus();
      await loadStatus(false, M('msg.sent'));
      return;
    }
    let errors;
    if (res.status === 404) {
      errors = { title: M('err.notFoundTitle'), detail: M('err.notFound'), fields: [] };
    } else {
      errors = genericFailure(res);
      if (res.status >= 500) {
        errors.actions = [{ label: M('err.retry'), run: () => sendMessage(state.message.pending) }];
      }
    }
    showErrors(messageForm, summary, state.message, errors, true);
    if (!messageForm.querySelector('.has-error')) summary.focus();
  }

  // ---------------------------------------------------------------------------------------------
  // Wiring
  // ---------------------------------------------------------------------------------------------
  function formIsDirty() {
    return !!(val('f-subject') || val('f-description') || complaintPicker.files.length);
  }

  function init() {
    complaintForm = byId('complaint-form');
    statusForm = byId('status-form');
    messageForm = byId('message-form');
    complaintPicker = createPicker('f');
    messagePicker = createPicker('m');

    lang = readStoredLang() || 'th';

    qsa('.lang-button').forEach((button) => {
      button.addEventListener('click', () => setLanguage(button.dataset.lang, true));
    });

    byId('skip-link').addEventListener('click', (event) => {
      event.preventDefault();
      const view = byId(`${currentView}-title`);
      (view || byId('main')).focus();
    });

    complaintForm.addEventListener('submit', onComplaintSubmit);
    complaintForm.addEventListener('change', (event) => {
      updateComplaintToggles();
      // Once the client has listed mistakes, keep the list current as they are fixed.
      if (state.complaint.errors && state.complaint.errors.source === 'client' && event.target.type !== 'file') {
        const errors = validateComplaint();
        showErrors(complaintForm, byId('complaint-errors'), state.complaint,
          errors.length ? { title: M('err.summaryTitle'), fields: errors, source: 'client' } : null, false);
      }
    });
    complaintForm.addEventListener('input', updateCounters);
    byId('f-accused-yearsSinceLeftOffice').addEventListener('input', (event) => {
      event.target.value = event.target.value.replace(/[^0-9]/g, '');
    });

    statusForm.addEventListener('submit', onStatusSubmit);
    messageForm.addEventListener('submit', onMessageSubmit);
    messageForm.addEventListener('input', updateCounters);
    byId('message-cancel').addEventListener('click', () => {
      resetMessageForm(false);
      renderStatus();
      const heading = byId('case-heading');
      if (heading) heading.focus();
    });

    qsa('.copy-button').forEach((button) => {
      button.addEventListener('click', () => copyFrom(button.dataset.copy));
    });
    byId('result-print').addEventListener('click', () => window.print());
    byId('result-follow').addEventListener('click', () => {
      if (state.result) {
        byId('s-trackingNumber').value = state.result.trackingNumber;
        byId('s-receiptCode').value = state.result.receiptCode;
        state.status.trackingNumber = state.result.trackingNumber;
        state.status.receiptCode = state.result.receiptCode;
        state.status.data = null;
        state.status.errors = null;
        resetMessageForm(false);
        renderErrors(statusForm, byId('status-errors'), null);
        renderStatus();
      }
      window.location.hash = '#/status';
      if (state.result) loadStatus(true);
    });

    window.addEventListener('hashchange', () => route(false));
    window.addEventListener('beforeunload', (event) => {
      // The receipt code lives only in this page: warn before it is lost, and before a draft is.
      if ((currentView === 'result' && state.result) || (currentView === 'report' && formIsDirty())) {
        event.preventDefault();
        event.returnValue = '';
      }
    });

    byId('f-incidentDate').max = todayInBangkok();
    updateComplaintToggles();
    route(true);
    applyTexts();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
