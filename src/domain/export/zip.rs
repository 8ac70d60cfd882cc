//! A minimal zip writer: STORED entries (no compression), with our own CRC-32.
//!
//! A .docx is a zip package. Word, LibreOffice and python's `zipfile` all read stored entries, and
//! leaving compression out keeps the wasm small (a deflate crate, `zip` with deflate, measured
//! ~77 KB gzipped) at the price of a larger file (an essay's .docx is still only tens of KB).
//!
//! Every local header carries the real CRC and sizes, so no data descriptors are needed (general
//! purpose flag 0). No ZIP64: an entry or archive over 4 GiB is refused with
//! [`ExportError::TooLarge`].

use crate::domain::date::CalendarDate;
use crate::domain::export::ExportError;

/// The CRC-32 lookup table (IEEE 802.3, reflected polynomial 0xEDB88320), built at compile time.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

/// The CRC-32 of `bytes`, as zip (and gzip, and PNG) use it.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc = CRC_TABLE[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8);
    }
    crc ^ 0xFFFF_FFFF
}

/// Date and time in MS-DOS form, as zip headers hold them (midnight on `date`; dates before 1980
/// become 1 January 1980, the earliest DOS can say).
fn dos_date_time(date: CalendarDate) -> (u16, u16) {
    if date.year() < 1980 {
        return ((1 << 5) | 1, 0);
    }
    let year = (date.year() - 1980).min(127) as u16;
    let dos_date = (year << 9) | ((date.month() as u16) << 5) | date.day() as u16;
    (dos_date, 0)
}

/// Write a zip archive holding `entries` (name, contents) in the order given, every entry
/// STORED. Names should be ASCII paths with forward slashes, as OOXML part names are.
pub fn write_stored_zip(
    entries: &[(&str, &[u8])],
    modified: CalendarDate,
) -> Result<Vec<u8>, ExportError> {
    let (dos_date, dos_time) = dos_date_time(modified);
    let total: u64 = entries
        .iter()
        .map(|(name, data)| 76 + 2 * name.len() as u64 + data.len() as u64)
        .sum::<u64>()
        + 22;
    if total > u64::from(u32::MAX) || entries.len() > usize::from(u16::MAX) {
        return Err(ExportError::TooLarge { bytes: total });
    }

    let mut out = Vec::with_capacity(total as usize);
    let mut central = Vec::new();
    for (name, data) in entries {
        let crc = crc32(data);
        let size = data.len() as u32;
        let offset = out.len() as u32;
        let name_len = name.len() as u16;

        // Local file header.
        put32(&mut out, 0x0403_4B50);
        put16(&mut out, 20); // version needed to extract: 2.0
        put16(&mut out, 0); // general purpose flags: none (sizes are known up front)
        put16(&mut out, 0); // compression: stored
        put16(&mut out, dos_time);
        put16(&mut out, dos_date);
        put32(&mut out, crc);
        put32(&mut out, size); // compressed size
        put32(&mut out, size); // uncompressed size
        put16(&mut out, name_len);
        put16(&mut out, 0); // extra field length
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        // Central directory header.
        put32(&mut central, 0x0201_4B50);
        put16(&mut central, 20); // version made by: 2.0, MS-DOS attributes
        put16(&mut central, 20); // version needed
        put16(&mut central, 0);
        put16(&mut central, 0);
        put16(&mut central, dos_time);
        put16(&mut central, dos_date);
        put32(&mut central, crc);
        put32(&mut central, size);
        put32(&mut central, size);
        put16(&mut central, name_len);
        put16(&mut central, 0); // extra field length
        put16(&mut central, 0); // comment length
        put16(&mut central, 0); // disk number start
        put16(&mut central, 0); // internal attributes
        put32(&mut central, 0); // external attributes
        put32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }

    let central_offset = out.len() as u32;
    let central_size = central.len() as u32;
    out.extend_from_slice(&central);

    // End of central directory record.
    let count = entries.len() as u16;
    put32(&mut out, 0x0605_4B50);
    put16(&mut out, 0); // this disk
    put16(&mut out, 0); // disk with the central directory
    put16(&mut out, count);
    put16(&mut out, count);
    put32(&mut out, central_size);
    put32(&mut out, central_offset);
    put16(&mut out, 0); // comment length
    Ok(out)
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u16_at(b: &[u8], i: usize) -> u16 {
        u16::from_le_bytes([b[i], b[i + 1]])
    }

    fn u32_at(b: &[u8], i: usize) -> u32 {
        u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]])
    }

    #[test]
    fn crc32_matches_the_published_check_values() {
        // The standard check value for CRC-32/ISO-HDLC, and two well-known strings.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
        assert_eq!(
            crc32(b"The quick brown fox jumps over the lazy dog"),
            0x414F_A339
        );
    }

    #[test]
    fn a_stored_zip_has_headers_sizes_and_a_central_directory_that_agree() {
        let date: CalendarDate = "2026-11-21".parse().unwrap();
        let zip = write_stored_zip(&[("a.txt", b"hello"), ("dir/b.xml", b"<x/>")], date).unwrap();
        // First local header.
        assert_eq!(u32_at(&zip, 0), 0x0403_4B50);
        assert_eq!(u16_at(&zip, 8), 0, "stored");
        assert_eq!(u32_at(&zip, 14), crc32(b"hello"));
        assert_eq!(u32_at(&zip, 18), 5);
        assert_eq!(u32_at(&zip, 22), 5);
        assert_eq!(&zip[30..35], b"a.txt");
        assert_eq!(&zip[35..40], b"hello");
        // DOS date: 2026-11-21.
        assert_eq!(u16_at(&zip, 12), ((2026 - 1980) << 9) | (11 << 5) | 21);
        // End record points at a central directory with two entries.
        let eocd = zip.len() - 22;
        assert_eq!(u32_at(&zip, eocd), 0x0605_4B50);
        assert_eq!(u16_at(&zip, eocd + 10), 2);
        let cd = u32_at(&zip, eocd + 16) as usize;
        assert_eq!(u32_at(&zip, cd), 0x0201_4B50);
        assert_eq!(u32_at(&zip, eocd + 12) as usize, eocd - cd);
        // The second central entry points at the second local header.
        let second_cd = cd + 46 + "a.txt".len();
        let second_local = u32_at(&zip, second_cd + 42) as usize;
        assert_eq!(u32_at(&zip, second_local), 0x0403_4B50);
        assert_eq!(&zip[second_local + 30..second_local + 39], b"dir/b.xml");
    }
}
