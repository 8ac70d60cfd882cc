//! The browser's clock: today's calendar date where the trainee is, and the current instant.
//!
//! The domain layer never reads a clock; pages ask here and pass the answer in.

use crate::domain::date::{CalendarDate, UnixMs};

/// Milliseconds since the Unix epoch, as `Date.now()` gives it.
pub fn now_ms() -> UnixMs {
    js_sys::Date::now() as UnixMs
}

/// Today's date in the trainee's own time zone.
///
/// Uses the local offset (`getTimezoneOffset`), so just after midnight in London during British
/// Summer Time it is already the new day, although UTC is still on the old one.
pub fn today() -> CalendarDate {
    let now = js_sys::Date::new_0();
    // getTimezoneOffset is in minutes and positive west of UTC (-60 in British Summer Time).
    let offset_ms = (now.get_timezone_offset() * 60_000.0) as i64;
    CalendarDate::from_unix_ms(now.get_time() as i64 - offset_ms)
}
