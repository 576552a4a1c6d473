// integrity-desk: replaces the webapp's own scripts/config.js (see docs/webapps-localisation.md).
// Thai for Thai browsers (navigator language "th-*"), English for every other; English fills any missing Thai key.
export default {
  locales: {
    availableLocales: ['th', 'en'],
    fallbackLocale: 'en'
  },

  // every date in Bangkok time, whatever the computer's time zone
  customScripts: ['../../lib/bangkok-time']
};
