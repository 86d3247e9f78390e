// The few functions of the system SQLite library (Debian: libsqlite3, linked as -lsqlite3) that AccordStore drives
// directly (SQLiteHandle). Declared here rather than by including <sqlite3.h>: SQLiteNIO's vendored copy of that
// header defines the same structures differently (it is a newer SQLite), and Clang refuses two definitions of one
// structure in modules of one build. Only opaque handles and plain C types appear, so nothing can clash; the result
// codes and flags are constants in SQLiteHandle.swift. Signatures as in https://sqlite.org/c3ref/funclist.html.
#ifndef ACCORD_CSQLITE3_SHIM_H
#define ACCORD_CSQLITE3_SHIM_H

typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;
typedef void (*accord_sqlite3_destructor)(void *);

int sqlite3_open_v2(const char *filename, sqlite3 **db, int flags, const char *vfs);
int sqlite3_close(sqlite3 *db);
int sqlite3_close_v2(sqlite3 *db);
const char *sqlite3_errmsg(sqlite3 *db);
int sqlite3_busy_timeout(sqlite3 *db, int milliseconds);
int sqlite3_extended_result_codes(sqlite3 *db, int onoff);

int sqlite3_prepare_v3(sqlite3 *db, const char *sql, int bytes, unsigned int flags, sqlite3_stmt **statement, const char **tail);
int sqlite3_finalize(sqlite3_stmt *statement);
int sqlite3_reset(sqlite3_stmt *statement);
int sqlite3_clear_bindings(sqlite3_stmt *statement);
int sqlite3_step(sqlite3_stmt *statement);

int sqlite3_bind_int64(sqlite3_stmt *statement, int index, long long value);
int sqlite3_bind_double(sqlite3_stmt *statement, int index, double value);
int sqlite3_bind_text(sqlite3_stmt *statement, int index, const char *text, int bytes, accord_sqlite3_destructor destructor);
int sqlite3_bind_blob(sqlite3_stmt *statement, int index, const void *bytes, int count, accord_sqlite3_destructor destructor);
int sqlite3_bind_null(sqlite3_stmt *statement, int index);

int sqlite3_column_count(sqlite3_stmt *statement);
const char *sqlite3_column_name(sqlite3_stmt *statement, int column);
int sqlite3_column_type(sqlite3_stmt *statement, int column);
long long sqlite3_column_int64(sqlite3_stmt *statement, int column);
double sqlite3_column_double(sqlite3_stmt *statement, int column);
const unsigned char *sqlite3_column_text(sqlite3_stmt *statement, int column);
const void *sqlite3_column_blob(sqlite3_stmt *statement, int column);
int sqlite3_column_bytes(sqlite3_stmt *statement, int column);

#endif
