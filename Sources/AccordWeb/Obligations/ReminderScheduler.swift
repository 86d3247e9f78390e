import Foundation
import Logging
import ServiceLifecycle

/// Runs `ReminderService.send` every `ACCORD_REMINDER_INTERVAL` seconds inside `accord serve`.
struct ReminderScheduler: Service, CustomStringConvertible {
    let services: Services
    let logger: Logger

    /// ServiceLifecycle names a service in its errors by this; the settings' secrets stay out of it.
    var description: String { "ReminderScheduler(every \(services.config.reminderInterval) s)" }

    /// Runs until graceful shutdown; a stop is a normal end, not an error. `buildApplication` leaves the
    /// scheduler out when the interval is 0, since a service that returns would stop the whole server.
    func run() async throws {
        let interval = services.config.reminderInterval
        guard interval > 0 else {
            try? await gracefulShutdown()
            return
        }
        if let smtp = services.config.smtp {
            logger.info("reminders: every \(interval) s, in-app and by email through \(smtp)")
        } else {
            logger.info("reminders: every \(interval) s, in-app only: no SMTP settings (ACCORD_SMTP_HOST), so no email is sent")
        }
        // Graceful shutdown cancels the loop between runs or inside one; either way the scheduler ends cleanly.
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let sent = try await ReminderService(services).send(logger: logger)
                    if sent > 0 { logger.info("reminders sent", metadata: ["count": "\(sent)"]) }
                } catch {
                    logger.error("reminder run failed", metadata: ["error": "\(error)"])
                }
                do { try await Task.sleep(for: .seconds(interval)) } catch { return }
            }
        }
    }
}
