//! An image's size read from its header, without decoding it: what a caller that decodes
//! elsewhere (the browser's codecs) checks against the pixel limit first, so that a small
//! file declaring a huge canvas is refused before it can take the memory.

use pulse_protocol::input::AttachmentKind;

/// Width and height as the file declares them; `None` when the header cannot be read.
/// JPEG, PNG and WebP; HEIF's sizes are checked by [`crate::heif::strip_metadata`].
/// An image without pixels (a JPEG whose height comes later, in a DNL marker) has none.
pub fn dimensions(bytes: &[u8], kind: AttachmentKind) -> Option<(u32, u32)> {
    let (width, height) = match kind {
        AttachmentKind::Png => png(bytes),
        AttachmentKind::Jpeg => jpeg(bytes),
        AttachmentKind::Webp => webp(bytes),
        AttachmentKind::Heic | AttachmentKind::Pdf => None,
    }?;
    (width > 0 && height > 0).then_some((width, height))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn be16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_be_bytes(
        b.get(at..at + 2)?.try_into().ok()?,
    )))
}

fn le16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_le_bytes(
        b.get(at..at + 2)?.try_into().ok()?,
    )))
}

fn le24(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at + 3)?;
    Some(u32::from(s[0]) | u32::from(s[1]) << 8 | u32::from(s[2]) << 16)
}

/// The signature, then IHDR first: width and height at 16 and 20.
fn png(b: &[u8]) -> Option<(u32, u32)> {
    (b.get(12..16)? == b"IHDR").then_some(())?;
    Some((be32(b, 16)?, be32(b, 20)?))
}

/// Segments up to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC), whose
/// height and width follow its precision byte.
fn jpeg(b: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        // Fill bytes (0xFF) may precede a marker.
        while *b.get(at)? == 0xFF && *b.get(at + 1)? == 0xFF {
            at += 1;
        }
        (*b.get(at)? == 0xFF).then_some(())?;
        let marker = *b.get(at + 1)?;
        match marker {
            0xD8 | 0x01 | 0xD0..=0xD7 => at += 2,
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                return Some((be16(b, at + 7)?, be16(b, at + 5)?));
            }
            0xD9 | 0xDA => return None,
            _ => at += 2 + usize::try_from(be16(b, at + 2)?).ok()?,
        }
    }
}

/// RIFF, WEBP, then a VP8X (canvas size), VP8L (lossless) or VP8 (lossy) chunk.
fn webp(b: &[u8]) -> Option<(u32, u32)> {
    (b.get(0..4)? == b"RIFF" && b.get(8..12)? == b"WEBP").then_some(())?;
    let data = 20;
    match b.get(12..16)? {
        b"VP8X" => Some((le24(b, data + 4)? + 1, le24(b, data + 7)? + 1)),
        b"VP8L" => {
            (*b.get(data)? == 0x2F).then_some(())?;
            let bits = u32::from_le_bytes(b.get(data + 1..data + 5)?.try_into().ok()?);
            Some(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
        }
        b"VP8 " => {
            (b.get(data + 3..data + 6)? == [0x9D, 0x01, 0x2A]).then_some(())?;
            Some((le16(b, data + 6)? & 0x3FFF, le16(b, data + 8)? & 0x3FFF))
        }
        _ => None,
    }
}
