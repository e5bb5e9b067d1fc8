// Last in every sink transaction: a placeholder nothing links to any more is no row and no reference, so it goes. The
// Placeholder label's lookup index finds them (there are few: a row arrived before the row it references, or a row
// still referenced was deleted), never a scan of an entity's label.
MATCH (x:Placeholder)
WHERE NOT EXISTS { (x)--() }
DELETE x
