#pragma once

#include <QDialog>
#include <QUrl>

#include <functional>

class QLabel;
class QPushButton;

namespace Counterpart::Ui {

class SafeTextBrowser;

/**
 * The email as its sender formatted it, after HtmlSanitizer: no scripts, remote images shown as
 * placeholders until the agent presses "Load remote images", tracking pixels never loaded, and
 * every link shown with its real target and opened only after the agent confirms it.
 */
class OriginalEmailDialog : public QDialog
{
    Q_OBJECT
public:
    struct Email
    {
        QString subject;
        QString sender;
        QString time;
        QString html;
    };
    explicit OriginalEmailDialog(const Email &email, QWidget *parent = nullptr);

    /** Replaces the confirmation before a link opens (tests); it returns whether to open. */
    void setLinkConfirmation(std::function<bool(const QUrl &)> confirm) { m_confirm = std::move(confirm); }
    /** Replaces QDesktopServices::openUrl (tests). */
    void setLinkOpener(std::function<void(const QUrl &)> open) { m_open = std::move(open); }

    SafeTextBrowser *browser() const { return m_browser; }
    bool remoteImagesAllowed() const { return m_remoteAllowed; }
    void loadRemoteImages();
    /** What happens when the agent clicks a link in the email. */
    void activateLink(const QUrl &url);

private:
    void render();

    Email m_email;
    bool m_remoteAllowed = false;
    SafeTextBrowser *m_browser;
    QLabel *m_blocked;
    QLabel *m_hover;
    QPushButton *m_loadImages;
    std::function<bool(const QUrl &)> m_confirm;
    std::function<void(const QUrl &)> m_open;
};

} // namespace Counterpart::Ui
