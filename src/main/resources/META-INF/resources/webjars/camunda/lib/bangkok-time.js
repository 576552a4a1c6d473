// integrity-desk: every date and time of Tasklist, Cockpit and Admin in Bangkok time (UTC+07:00, Thailand has no
// daylight saving time), whatever the time zone of the computer. Loaded by each app's scripts/config.js as a custom
// script, before the app starts (Welcome shows no dates); see docs/webapps-localisation.md ("Dates and times").
const ZONE = 'Asia/Bangkok';
const OFFSET_MINUTES = 7 * 60;

const app = document.querySelector('base').getAttribute('app-name');

// cam.<app>.custom is the module Camunda creates for custom code and starts last, after all of its own modules
window.angular.module('cam.' + app + '.custom').config(['$injector', '$provide', function ($injector, $provide) {
  // The webapps format and parse dates with their one moment.js (filter camDate, angular-moment, Tasklist's
  // fixDate/unfixDate): Tasklist has it as the AngularJS constant "moment", Cockpit and Admin as window.moment. moment calls updateOffset on every new date; moment-timezone uses this hook for its default zone,
  // and so do we: a date in the computer's zone moves to +07:00.
  const moment = $injector.has('moment') ? $injector.get('moment') : window.moment;
  if (!moment || typeof moment.updateOffset !== 'function') {
    console.error('integrity-desk: moment.js not found, dates stay in the computer\'s time zone');
    return;
  }
  moment.updateOffset = function (date, keepLocalTime) {
    if (date.isLocal()) {
      date.utcOffset(OFFSET_MINUTES, keepLocalTime || isWallTime(date));
    }
  };

  // Read from a text without offset ("2026-12-15T09:30:00", as Tasklist's unfixDate writes and its date pickers
  // give): Bangkok wall time, not the computer's. A Date, a number or a text with an offset is an instant. The test is
  // moment-timezone's own (needsOffset): parsed parts (_a) and no parsed offset (_tzm), not a Unix timestamp; like
  // moment-timezone, we have moment copy the parsed parts onto the new date.
  if (moment.momentProperties.indexOf('_a') < 0) {
    moment.momentProperties.push('_a');
  }
  function isWallTime(date) {
    return Boolean(date._a && date._tzm === undefined && date._f !== 'X' && date._f !== 'x');
  }

  // the footer names the zone the dates are shown in (Camunda's reads the computer's)
  if ($injector.has('camWidgetFooterDirective')) {
    $provide.decorator('camWidgetFooterDirective', ['$delegate', function ($delegate) {
      const footer = $delegate[0];
      const link = footer.link;
      footer.compile = function () {
        return function (scope) {
          link.apply(this, arguments);
          scope.timezoneName = ZONE;
        };
      };
      return $delegate;
    }]);
  }
}]);

// Relative times ("in 15 days", "a minute ago") in the language of the chrome. Camunda gives moment.js the date
// locale of the translation (locales/<lang>.json, "dateLocales") when that file arrives, sometimes after angular-moment's
// am-time-ago has drawn them in English, and nothing redraws them; angular-moment redraws on its own event, which
// amMoment.changeLocale sends. So when the language in use and moment's locale differ, moment is switched and the
// relative times redrawn; where moment has no such locale yet, it is defined from the same file.
window.angular.module('cam.' + app + '.custom').run(['$injector', '$rootScope', function ($injector, $rootScope) {
  if (!$injector.has('amMoment') || !$injector.has('$translate')) {
    return;
  }
  const amMoment = $injector.get('amMoment');
  const translate = $injector.get('$translate');
  const moment = $injector.has('moment') ? $injector.get('moment') : window.moment;
  if (!moment) {
    return;
  }
  const root = document.querySelector('base').getAttribute('app-root');
  const fetching = {};
  const follow = function (language) {
    if (moment.locales().indexOf(language) >= 0) {
      amMoment.changeLocale(language);
    } else if (!fetching[language]) {
      fetching[language] = true;
      $injector.get('$http').get(root + '/app/' + app + '/locales/' + language + '.json').then(function (response) {
        if (response.data && response.data.dateLocales && moment.locales().indexOf(language) < 0) {
          moment.defineLocale(language, response.data.dateLocales);
        }
        amMoment.changeLocale(language);
      });
    }
  };
  // when the translation says so, and a few times in the first seconds (whatever the order in which the
  // translation, its date locale and this script arrived); never from inside a digest, which angular-moment's redraw
  // would start again
  const check = function () {
    const language = translate.use();
    if (language && language !== moment.locale()) {
      follow(language);
    }
  };
  $rootScope.$on('$translateChangeSuccess', function () { $injector.get('$timeout')(check, 0); });
  $rootScope.$on('$translateLoadingSuccess', function () { $injector.get('$timeout')(check, 0); });
  [0, 500, 1500, 3000, 6000, 12000].forEach(function (delay) { $injector.get('$timeout')(check, delay); });
}]);
