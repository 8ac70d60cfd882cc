//! Today's date on the trainee's own calendar, for deciding which flashcards are due.

use crate::domain::date::CalendarDate;

/// Today in the device's time zone. A card due "tomorrow" should become due at the trainee's
/// midnight, not at midnight in London or UTC.
pub fn today() -> CalendarDate {
    let now = js_sys::Date::new_0();
    CalendarDate::new(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    // The browser's own calendar always gives a real day; UTC is a safe answer if it didn't.
    .unwrap_or_else(|_| CalendarDate::from_unix_ms(js_sys::Date::now() as i64))
}
