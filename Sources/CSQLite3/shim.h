// The system SQLite library (Debian: libsqlite3-dev), which AccordStore drives directly (SQLiteHandle).
#include <sqlite3.h>
