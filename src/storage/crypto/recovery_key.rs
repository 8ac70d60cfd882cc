//! The recovery key: 128 random bits the trainee keeps somewhere safe, to get back in if the
//! passcode is forgotten.
//!
//! Written as 28 characters in seven groups of four ("7KQ2 M9XD ..."): 26 characters of Crockford
//! Base32 for the 128 bits, then 2 check characters. Crockford's alphabet leaves out I, L, O and
//! U, so nothing on the page can be misread as another character; when typing it back, case,
//! spaces and dashes don't matter and I, L and O are read as 1, 1 and 0. The check characters
//! catch any one wrong character and any two neighbours swapped among the first 26, so a typing mistake gets its
//! own message instead of looking like the wrong key.

use std::error::Error;
use std::fmt;

use zeroize::Zeroizing;

use super::random::{self, RandomError};

/// Crockford's Base32 alphabet.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Characters for the 128 bits (130 bits of room; the last 2 are zero).
const KEY_CHARS: usize = 26;
/// All characters, with the 2 check characters.
const ALL_CHARS: usize = KEY_CHARS + 2;
/// The check is the weighted sum of the key's symbols modulo this prime, below 32 x 32.
const CHECK_MODULUS: u32 = 1021;

/// A recovery key. Wiped from memory when dropped; its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct RecoveryKey(Zeroizing<[u8; 16]>);

impl fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryKey(..)")
    }
}

/// Why typed text is not a recovery key. Each message says what to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecoveryKeyError {
    /// Not 28 letters and digits (spaces and dashes aside).
    WrongLength {
        /// How many letters and digits were typed.
        found: usize,
    },
    /// A character that is never part of a recovery key.
    NotInKey {
        /// The character.
        found: char,
    },
    /// Every character is possible, but the check characters don't match: a typing mistake.
    Mistyped,
}

impl fmt::Display for RecoveryKeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecoveryKeyError::WrongLength { found } => write!(
                f,
                "A recovery key has 28 letters and numbers, in seven groups of four. That has \
                 {found}; please check you have every group."
            ),
            RecoveryKeyError::NotInKey { found } => write!(
                f,
                "\"{found}\" is never part of a recovery key. It has only letters and numbers; \
                 please check that character."
            ),
            RecoveryKeyError::Mistyped => write!(
                f,
                "That doesn't quite match: one of the characters seems to be different. Please \
                 compare each group with your saved key."
            ),
        }
    }
}

impl Error for RecoveryKeyError {}

impl RecoveryKey {
    /// A fresh random recovery key.
    pub fn generate() -> Result<Self, RandomError> {
        Ok(RecoveryKey(Zeroizing::new(random::bytes::<16>()?)))
    }

    /// The key with these bytes.
    pub fn from_bytes(bytes: [u8; 16]) -> Self {
        RecoveryKey(Zeroizing::new(bytes))
    }

    /// The key's 128 bits (for deriving its wrapping key with HKDF).
    pub fn bytes(&self) -> &[u8; 16] {
        &self.0
    }

    /// The key as seven groups of four characters.
    pub fn groups(&self) -> Vec<String> {
        let symbols = self.symbols();
        symbols
            .chunks(4)
            .map(|group| {
                group
                    .iter()
                    .map(|&s| ALPHABET[s as usize] as char)
                    .collect()
            })
            .collect()
    }

    /// The key as the trainee sees and saves it: groups of four separated by spaces.
    ///
    /// ```
    /// use peer_study::storage::crypto::recovery_key::RecoveryKey;
    /// let key = RecoveryKey::from_bytes([0; 16]);
    /// assert_eq!(key.to_text(), "0000 0000 0000 0000 0000 0000 0000");
    /// ```
    pub fn to_text(&self) -> String {
        self.groups().join(" ")
    }

    /// Reads a typed or pasted key. Case, spaces and dashes don't matter; I and L count as 1 and
    /// O as 0.
    pub fn parse(text: &str) -> Result<RecoveryKey, RecoveryKeyError> {
        let mut symbols = Vec::with_capacity(ALL_CHARS);
        for c in text.chars() {
            if c.is_whitespace() || matches!(c, '-' | '\u{2010}'..='\u{2015}') {
                continue;
            }
            symbols.push(symbol_of(c).ok_or(RecoveryKeyError::NotInKey { found: c })?);
        }
        if symbols.len() != ALL_CHARS {
            return Err(RecoveryKeyError::WrongLength {
                found: symbols.len(),
            });
        }
        let (key_symbols, check) = symbols.split_at(KEY_CHARS);
        if check_symbols(key_symbols) != [check[0], check[1]] {
            return Err(RecoveryKeyError::Mistyped);
        }
        // 26 symbols hold 130 bits: the 128 bits of the key, then 2 zero bits.
        let mut bytes = [0u8; 16];
        let (mut acc, mut bits, mut at) = (0u32, 0u32, 0usize);
        for &s in key_symbols {
            acc = (acc << 5) | u32::from(s);
            bits += 5;
            if bits >= 8 && at < 16 {
                bits -= 8;
                bytes[at] = (acc >> bits) as u8;
                at += 1;
                acc &= (1 << bits) - 1;
            }
        }
        if acc != 0 {
            return Err(RecoveryKeyError::Mistyped);
        }
        Ok(RecoveryKey::from_bytes(bytes))
    }

    /// The 28 symbols (values 0 to 31): the key's 26, then the 2 check symbols.
    fn symbols(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(ALL_CHARS);
        let (mut acc, mut bits) = (0u32, 0u32);
        for &byte in self.0.iter() {
            acc = (acc << 8) | u32::from(byte);
            bits += 8;
            while bits >= 5 {
                bits -= 5;
                out.push(((acc >> bits) & 31) as u8);
            }
            acc &= (1 << bits) - 1;
        }
        // The last 3 bits, padded with 2 zero bits.
        out.push(((acc << (5 - bits)) & 31) as u8);
        let check = check_symbols(&out);
        out.extend(check);
        out
    }
}

/// The value of one typed character, reading I and L as 1 and O as 0.
fn symbol_of(c: char) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        'I' | 'L' => '1',
        'O' => '0',
        c => c,
    };
    ALPHABET
        .iter()
        .position(|&a| a as char == c)
        .map(|p| p as u8)
}

/// Two check symbols: Σ (position + 1) × symbol, modulo 1021. One changed symbol changes the sum
/// by less than 1021 and never by 0; two swapped neighbours change it by their difference.
fn check_symbols(symbols: &[u8]) -> [u8; 2] {
    let sum = symbols
        .iter()
        .enumerate()
        .map(|(i, &s)| (i as u32 + 1) * u32::from(s))
        .sum::<u32>()
        % CHECK_MODULUS;
    [(sum >> 5) as u8, (sum & 31) as u8]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_reads_back_from_its_text_however_it_is_typed() {
        let key = RecoveryKey::generate().unwrap();
        let text = key.to_text();
        assert_eq!(text.len(), 28 + 6);
        assert_eq!(key.groups().len(), 7);
        assert!(key.groups().iter().all(|g| g.len() == 4));
        assert_eq!(RecoveryKey::parse(&text).unwrap(), key);
        let sloppy = format!("  {}  ", text.to_lowercase().replace(' ', "-"));
        assert_eq!(RecoveryKey::parse(&sloppy).unwrap(), key);
        assert_eq!(RecoveryKey::parse(&text.replace(' ', "")).unwrap(), key);
    }

    #[test]
    fn letters_that_look_like_digits_are_read_as_those_digits() {
        let key = RecoveryKey::from_bytes([0; 16]);
        let typed = key.to_text().replacen('0', "O", 3).replacen('0', "o", 2);
        assert_eq!(RecoveryKey::parse(&typed).unwrap(), key);
        let ones = RecoveryKey::from_bytes([0x08; 16]);
        let text = ones.to_text();
        assert!(text.contains('1'), "{text}");
        assert_eq!(RecoveryKey::parse(&text.replace('1', "l")).unwrap(), ones);
        assert_eq!(RecoveryKey::parse(&text.replace('1', "I")).unwrap(), ones);
    }

    #[test]
    fn every_single_wrong_character_and_every_swap_of_neighbours_is_caught() {
        for seed in 0..20u8 {
            let key = RecoveryKey::from_bytes([seed.wrapping_mul(37); 16].map(|b| b ^ seed));
            let symbols: Vec<u8> = key.symbols();
            let text =
                |s: &[u8]| -> String { s.iter().map(|&v| ALPHABET[v as usize] as char).collect() };
            for i in 0..ALL_CHARS {
                for v in 0..32u8 {
                    if v == symbols[i] {
                        continue;
                    }
                    let mut typo = symbols.clone();
                    typo[i] = v;
                    assert!(RecoveryKey::parse(&text(&typo)).is_err(), "position {i}");
                }
                if i + 1 < KEY_CHARS && symbols[i] != symbols[i + 1] {
                    let mut swapped = symbols.clone();
                    swapped.swap(i, i + 1);
                    assert!(RecoveryKey::parse(&text(&swapped)).is_err(), "swap at {i}");
                }
            }
        }
    }

    #[test]
    fn what_is_not_a_key_says_what_to_check() {
        assert_eq!(
            RecoveryKey::parse("ABCD EFGH"),
            Err(RecoveryKeyError::WrongLength { found: 8 })
        );
        assert_eq!(
            RecoveryKey::parse("ABCD EFGH U"),
            Err(RecoveryKeyError::NotInKey { found: 'U' })
        );
        assert!(RecoveryKeyError::Mistyped
            .to_string()
            .contains("compare each group"));
    }

    #[test]
    fn the_debug_form_never_shows_the_key() {
        let key = RecoveryKey::from_bytes([0xAB; 16]);
        assert_eq!(format!("{key:?}"), "RecoveryKey(..)");
    }
}
