// integrity-desk: replaces the webapp's own scripts/config.js (see docs/webapps-localisation.md).
// Thai for Thai browsers (navigator language "th-*"), English for every other; English fills any missing Thai key.
export default {
  locales: {
    availableLocales: ['th', 'en'],
    fallbackLocale: 'en'
  },

  // every date in Bangkok time, whatever the computer's time zone
  customScripts: ['../../lib/bangkok-time'],

  // Camunda's own shortcuts, described in both languages (the dialog shows the description as written here)
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'รับงานที่เลือกอยู่ / claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'ไปที่ตัวกรองแรกในรายการ / set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'ไปที่งานแรกในรายการ / sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'ไปที่ช่องกรอกแรกของแบบฟอร์มงาน / sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'เปิดหน้าต่างเริ่มกระบวนการ / opens the start process modal dialog'
    }
  }
};
