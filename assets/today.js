/* The home page's "today and next" strip. The page is the same for every
   visitor (the build is reproducible), so the choice of today's activities
   is made here, in the visitor's browser, in China time. Without
   JavaScript the whole week stays visible. */
(function () {
  "use strict";
  var strip = document.querySelector("[data-schedule-strip]");
  var source = document.getElementById("schedule-data");
  if (!strip || !source) return;
  var activities;
  try { activities = JSON.parse(source.textContent); } catch (e) { return; }
  var root = strip.querySelector(".more a").getAttribute("href").replace("schedule/index.html", "");
  var now = new Date();
  // The date in China (UTC+8) as YYYY-MM-DD, whatever the visitor's time zone.
  var today = new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  var running = activities.filter(function (a) { return a.first_day <= today && today <= a.last_day; });
  var upcoming = activities.filter(function (a) { return a.first_day > today; }).slice(0, 3);
  if (running.length === 0 && upcoming.length === 0) return;  // the week is over: keep the whole week

  function block(title, items) {
    var section = document.createElement("div");
    section.className = "strip-day";
    var heading = document.createElement("h3");
    heading.textContent = title;
    section.appendChild(heading);
    var list = document.createElement("ul");
    items.forEach(function (a) {
      var item = document.createElement("li");
      var time = document.createElement("span");
      time.className = "activity-time";
      time.textContent = a.time;
      var link = document.createElement("a");
      link.href = root + a.url;
      link.textContent = a.title;
      item.appendChild(time);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(link);
      if (a.location) {
        var place = document.createElement("span");
        place.className = "activity-place";
        place.textContent = "（" + a.location + "）";
        item.appendChild(place);
      }
      list.appendChild(item);
    });
    section.appendChild(list);
    return section;
  }

  var live = strip.querySelector(".today-live");
  if (running.length > 0) live.appendChild(block("今天的活动", running));
  if (upcoming.length > 0) live.appendChild(block("接下来", upcoming));
  live.hidden = false;
  strip.querySelector(".today-fallback").hidden = true;
})();
