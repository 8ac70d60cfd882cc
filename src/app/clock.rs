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

/// A moment in words, in the trainee's own time zone: "2 December at 05:55", with the year
/// when it isn't this year ("2 December 2025 at 05:55").
pub fn when_in_words(ms: i64) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let this_year = js_sys::Date::new_0().get_full_year();
    let month = MONTHS
        .get(date.get_month() as usize)
        .copied()
        .unwrap_or_default();
    let year = if date.get_full_year() == this_year {
        String::new()
    } else {
        format!(" {}", date.get_full_year())
    };
    format!(
        "{} {month}{year} at {:02}:{:02}",
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}
