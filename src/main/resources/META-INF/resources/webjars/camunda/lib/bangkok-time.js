// integrity-desk: every date and time of Tasklist, Cockpit, Admin and Welcome in Bangkok time (UTC+07:00, Thailand has
// no daylight saving time), whatever the time zone of the computer. Loaded by each app's scripts/config.js as a custom
// script, before the app starts; see docs/webapps-localisation.md ("Dates and times").
const ZONE = 'Asia/Bangkok';
const OFFSET_MINUTES = 7 * 60;

const app = document.querySelector('base').getAttribute('app-name');

// cam.<app>.custom is the module Camunda creates for custom code and starts last, after all of its own modules
window.angular.module('cam.' + app + '.custom').config(['$injector', '$provide', function ($injector, $provide) {
  // The webapps format dates with their one moment.js (filter camDate and angular-moment): Tasklist has it as the
  // AngularJS constant "moment", Cockpit, Admin and Welcome also as window.moment. moment calls updateOffset on every
  // new date (the hook moment-timezone uses for its default zone): a date in the computer's zone moves to +07:00.
  const moment = $injector.has('moment') ? $injector.get('moment') : window.moment;
  if (!moment || typeof moment.updateOffset !== 'function') {
    console.error('integrity-desk: moment.js not found, dates stay in the computer\'s time zone');
    return;
  }
  moment.updateOffset = function (date, keepLocalTime) {
    if (date.isLocal()) {
      date.utcOffset(OFFSET_MINUTES, keepLocalTime);
    }
  };

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
