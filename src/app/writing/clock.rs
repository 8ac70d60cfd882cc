//! The browser's clock and calendar, for the writing screens: the domain never reads a clock, so
//! "now" and "today" (in the trainee's own time zone) come from here.

use crate::domain::date::{CalendarDate, UnixMs};

/// Milliseconds since the Unix epoch, now.
pub fn now_ms() -> UnixMs {
    js_sys::Date::now() as UnixMs
}

/// The trainee's local calendar date for an instant.
pub fn local_date(ms: UnixMs) -> CalendarDate {
    let date = js_sys::Date::new(&(ms as f64).into());
    CalendarDate::new(
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
    )
    .unwrap_or_else(|_| CalendarDate::from_unix_ms(ms))
}

/// Today, in the trainee's time zone.
pub fn today() -> CalendarDate {
    local_date(now_ms())
}

/// When something happened, in local time: "Today at 10:32", "Yesterday at 18:05",
/// "Thu 19 Nov 2026 at 09:00".
pub fn moment_label(ms: UnixMs) -> String {
    let date = js_sys::Date::new(&(ms as f64).into());
    let time = format!("{:02}:{:02}", date.get_hours(), date.get_minutes());
    let day = local_date(ms);
    let today = today();
    if day == today {
        format!("Today at {time}")
    } else if day.add_days(1) == today {
        format!("Yesterday at {time}")
    } else {
        format!("{} at {time}", day.display_short())
    }
}
