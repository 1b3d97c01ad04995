//! Metadata out of a HEIF file (HEIC, what iPhones take) without decoding it.
//!
//! HEIF (ISO/IEC 23008-12) is a tree of ISO-BMFF boxes. Its `meta` box lists items
//! (`iinf`) and where each item's bytes lie (`iloc`). EXIF is an item of type `Exif`, XMP
//! an item of type `mime` with content type `application/rdf+xml`. Their bytes are
//! overwritten with zeros where they lie: the file keeps its length and every offset, so
//! the picture and everything else in it stay exactly as they were, and a reader finds an
//! empty metadata item it skips. A file whose boxes do not add up is refused, and so is
//! one whose images declare (in their `ispe` properties) more pixels than allowed: the
//! pixel limit holds for a file that is not decoded here too.

use crate::MediaError;

/// Returns the file with the bytes of its Exif and XMP items zeroed, if every image in
/// it has at most `max_pixels`.
pub fn strip_metadata(file: &[u8], max_pixels: u64) -> Result<Vec<u8>, MediaError> {
    let top = boxes(file)?;
    if top.first().map(|b| &b.kind) != Some(b"ftyp") {
        return Err(MediaError::Unreadable);
    }
    let meta = top
        .iter()
        .find(|b| &b.kind == b"meta")
        .ok_or(MediaError::Unreadable)?;
    // `meta` is a full box: version and flags before its children.
    let meta_body = meta.body.get(4..).ok_or(MediaError::Unreadable)?;
    let meta_start = meta.body_start + 4;
    let children = boxes(meta_body)?;
    let find = |kind: &[u8; 4]| children.iter().find(|b| &b.kind == kind);
    if let Some(iprp) = find(b"iprp") {
        check_extents(iprp.body, max_pixels)?;
    }
    let metadata_items = match find(b"iinf") {
        Some(iinf) => metadata_items(iinf.body)?,
        None => Vec::new(),
    };
    let mut out = file.to_vec();
    if metadata_items.is_empty() {
        return Ok(out);
    }
    let iloc = find(b"iloc").ok_or(MediaError::Unreadable)?;
    // Items stored inside the meta box (construction method 1) are relative to `idat`.
    let idat_start = find(b"idat").map(|b| meta_start + b.body_start);
    for location in locations(iloc.body)? {
        if !metadata_items.contains(&location.item) {
            continue;
        }
        let base = match location.method {
            0 => 0,
            1 => idat_start.ok_or(MediaError::Unreadable)? as u64,
            // Built from another item's bytes: nothing of its own to clear there.
            _ => continue,
        };
        for (offset, length) in location.extents {
            // A length of 0 means "to the end", which would clear the picture too.
            if length == 0 {
                return Err(MediaError::Unreadable);
            }
            let start = base
                .checked_add(location.base_offset)
                .and_then(|s| s.checked_add(offset))
                .ok_or(MediaError::Unreadable)?;
            let end = start.checked_add(length).ok_or(MediaError::Unreadable)?;
            let range = usize::try_from(start).map_err(|_| MediaError::Unreadable)?
                ..usize::try_from(end).map_err(|_| MediaError::Unreadable)?;
            out.get_mut(range).ok_or(MediaError::Unreadable)?.fill(0);
        }
    }
    Ok(out)
}

/// One box: its four-character type, its body, and where the body starts in the slice
/// it was read from.
struct Box<'a> {
    kind: [u8; 4],
    body: &'a [u8],
    body_start: usize,
}

/// The boxes that make up `data`, which they must fill exactly.
fn boxes(data: &[u8]) -> Result<Vec<Box<'_>>, MediaError> {
    let mut found = Vec::new();
    let mut at = 0usize;
    while at < data.len() {
        let mut reader = Reader::new(&data[at..]);
        let size = reader.u32()? as u64;
        let kind: [u8; 4] = reader.bytes(4)?.try_into().expect("four bytes");
        let (header, size) = match size {
            // The size is a 64-bit field after the type.
            1 => (16u64, reader.u64()?),
            // To the end of the enclosing data.
            0 => (8, (data.len() - at) as u64),
            size => (8, size),
        };
        if size < header || size > (data.len() - at) as u64 {
            return Err(MediaError::Unreadable);
        }
        let (header, size) = (header as usize, size as usize);
        found.push(Box {
            kind,
            body: &data[at + header..at + size],
            body_start: at + header,
        });
        at += size;
    }
    Ok(found)
}

/// Every image's declared size (`ispe` in `iprp/ipco`) against the limit.
fn check_extents(iprp: &[u8], max_pixels: u64) -> Result<(), MediaError> {
    for ipco in boxes(iprp)?.iter().filter(|b| &b.kind == b"ipco") {
        for ispe in boxes(ipco.body)?.iter().filter(|b| &b.kind == b"ispe") {
            let mut reader = Reader::new(ispe.body);
            reader.bytes(4)?;
            let pixels = u64::from(reader.u32()?) * u64::from(reader.u32()?);
            if pixels > max_pixels {
                return Err(MediaError::TooManyPixels {
                    pixels,
                    max: max_pixels,
                });
            }
        }
    }
    Ok(())
}

/// The ids of the items that are metadata: Exif, and XMP (a `mime` item of RDF).
fn metadata_items(iinf: &[u8]) -> Result<Vec<u32>, MediaError> {
    let mut reader = Reader::new(iinf);
    let version = reader.u8()?;
    reader.bytes(3)?;
    let count = if version == 0 {
        u32::from(reader.u16()?)
    } else {
        reader.u32()?
    };
    let entries = boxes(reader.rest())?;
    if entries.len() as u64 != u64::from(count) {
        return Err(MediaError::Unreadable);
    }
    let mut items = Vec::new();
    for entry in entries.iter().filter(|b| &b.kind == b"infe") {
        let mut reader = Reader::new(entry.body);
        let version = reader.u8()?;
        reader.bytes(3)?;
        // Versions 0 and 1 predate item types; they name no metadata item.
        if version < 2 {
            continue;
        }
        let id = if version == 2 {
            u32::from(reader.u16()?)
        } else {
            reader.u32()?
        };
        let _protection = reader.u16()?;
        let item_type = reader.bytes(4)?;
        let is_metadata = match item_type {
            b"Exif" => true,
            b"mime" => {
                let _name = reader.c_string()?;
                let content_type = reader.c_string()?;
                content_type.eq_ignore_ascii_case(b"application/rdf+xml")
            }
            _ => false,
        };
        if is_metadata {
            items.push(id);
        }
    }
    Ok(items)
}

/// Where one item's bytes lie.
struct Location {
    item: u32,
    method: u8,
    base_offset: u64,
    /// (offset, length) pairs.
    extents: Vec<(u64, u64)>,
}

fn locations(iloc: &[u8]) -> Result<Vec<Location>, MediaError> {
    let mut reader = Reader::new(iloc);
    let version = reader.u8()?;
    if version > 2 {
        return Err(MediaError::Unreadable);
    }
    reader.bytes(3)?;
    let sizes = reader.u16()?;
    let offset_size = (sizes >> 12) as u8;
    let length_size = ((sizes >> 8) & 0xF) as u8;
    let base_offset_size = ((sizes >> 4) & 0xF) as u8;
    let index_size = if version > 0 { (sizes & 0xF) as u8 } else { 0 };
    let count = if version < 2 {
        u32::from(reader.u16()?)
    } else {
        reader.u32()?
    };
    let mut found = Vec::new();
    for _ in 0..count {
        let item = if version < 2 {
            u32::from(reader.u16()?)
        } else {
            reader.u32()?
        };
        let method = if version > 0 {
            (reader.u16()? & 0xF) as u8
        } else {
            0
        };
        let _data_reference = reader.u16()?;
        let base_offset = reader.sized(base_offset_size)?;
        let extent_count = reader.u16()?;
        let mut extents = Vec::with_capacity(usize::from(extent_count).min(64));
        for _ in 0..extent_count {
            reader.sized(index_size)?;
            let offset = reader.sized(offset_size)?;
            let length = reader.sized(length_size)?;
            extents.push((offset, length));
        }
        found.push(Location {
            item,
            method,
            base_offset,
            extents,
        });
    }
    Ok(found)
}

/// Big-endian reads that fail, rather than panic, past the end.
struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(data: &'a [u8]) -> Self {
        Reader { data, at: 0 }
    }

    fn bytes(&mut self, n: usize) -> Result<&'a [u8], MediaError> {
        let end = self.at.checked_add(n).ok_or(MediaError::Unreadable)?;
        let bytes = self.data.get(self.at..end).ok_or(MediaError::Unreadable)?;
        self.at = end;
        Ok(bytes)
    }

    fn rest(&mut self) -> &'a [u8] {
        let rest = &self.data[self.at..];
        self.at = self.data.len();
        rest
    }

    fn u8(&mut self) -> Result<u8, MediaError> {
        Ok(self.bytes(1)?[0])
    }

    fn u16(&mut self) -> Result<u16, MediaError> {
        Ok(u16::from_be_bytes(self.bytes(2)?.try_into().expect("two")))
    }

    fn u32(&mut self) -> Result<u32, MediaError> {
        Ok(u32::from_be_bytes(self.bytes(4)?.try_into().expect("four")))
    }

    fn u64(&mut self) -> Result<u64, MediaError> {
        Ok(u64::from_be_bytes(
            self.bytes(8)?.try_into().expect("eight"),
        ))
    }

    /// A field of 0, 4 or 8 bytes, as `iloc` sizes them.
    fn sized(&mut self, size: u8) -> Result<u64, MediaError> {
        match size {
            0 => Ok(0),
            4 => self.u32().map(u64::from),
            8 => self.u64(),
            _ => Err(MediaError::Unreadable),
        }
    }

    /// A NUL-terminated string, without its NUL.
    fn c_string(&mut self) -> Result<&'a [u8], MediaError> {
        let rest = &self.data[self.at..];
        let len = rest
            .iter()
            .position(|&b| b == 0)
            .ok_or(MediaError::Unreadable)?;
        self.at += len + 1;
        Ok(&rest[..len])
    }
}
