//! The browser's clock, for every screen: today's calendar date where the trainee is, the current
//! instant, and instants in words in the trainee's own time zone.
//!
//! The domain layer never reads a clock; pages ask here and pass the answer in.

use crate::domain::date::{CalendarDate, UnixMs};

/// Milliseconds since the Unix epoch, as `Date.now()` gives it.
pub fn now_ms() -> UnixMs {
    js_sys::Date::now() as UnixMs
}

/// Today's date in the trainee's own time zone (so just after midnight in London during British
/// Summer Time it is already the new day, although UTC is still on the old one).
pub fn today() -> CalendarDate {
    local_date(now_ms())
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

/// An exact time for records kept on the device, in the trainee's own time zone, to the second
/// ("21/11/2026, 10:20:00").
pub fn local_time(ms: UnixMs) -> String {
    js_sys::Date::new(&(ms as f64).into())
        .to_locale_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED)
        .into()
}
