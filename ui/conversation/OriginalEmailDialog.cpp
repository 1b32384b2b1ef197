#include "OriginalEmailDialog.h"

#include "SafeTextBrowser.h"
#include "common/Theme.h"
#include "compose/HtmlSanitizer.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace Counterpart::Ui {

OriginalEmailDialog::OriginalEmailDialog(const Email &email, QWidget *parent)
    : QDialog(parent)
    , m_email(email)
    , m_browser(new SafeTextBrowser(this))
    , m_blocked(new QLabel(this))
    , m_hover(new QLabel(this))
    , m_loadImages(new QPushButton(tr("Load remote images"), this))
{
    setObjectName(QStringLiteral("originalEmailDialog"));
    setWindowTitle(email.subject.isEmpty() ? tr("Original email") : tr("Original email – %1").arg(email.subject));
    setAccessibleName(tr("Original email"));
    resize(720, 560);

    auto *title = new QLabel(email.subject, this);
    title->setTextFormat(Qt::PlainText);
    title->setWordWrap(true);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    title->setFont(titleFont);
    auto *from = new QLabel(tr("From %1 · %2").arg(email.sender, email.time), this);
    from->setTextFormat(Qt::PlainText);

    m_blocked->setObjectName(QStringLiteral("blockedContent"));
    m_blocked->setTextFormat(Qt::PlainText);
    m_blocked->setWordWrap(true);
    m_loadImages->setObjectName(QStringLiteral("loadRemoteImages"));
    m_loadImages->setAccessibleName(tr("Load remote images"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_blocked, 1);
    bar->addWidget(m_loadImages);

    m_browser->setObjectName(QStringLiteral("originalEmailBody"));
    m_browser->setAccessibleName(tr("Email body"));
    if (Theme::isDark(palette())) {
        // The HTML importer colours links with the application's link blue, unreadable on a dark page.
        m_browser->document()->setDefaultStyleSheet(QStringLiteral("a { color: #8ab4f8; }"));
    }
    m_hover->setObjectName(QStringLiteral("linkTarget"));
    m_hover->setTextFormat(Qt::PlainText);
    QPalette muted = m_hover->palette();
    muted.setColor(QPalette::WindowText, Theme::mutedText(palette()));
    m_hover->setPalette(muted);
    m_hover->setText(tr("Point at a link to see where it goes."));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_loadImages, &QPushButton::clicked, this, &OriginalEmailDialog::loadRemoteImages);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &OriginalEmailDialog::activateLink);
    connect(m_browser, &QTextBrowser::highlighted, this, [this](const QUrl &url) {
        m_hover->setText(url.isEmpty() ? QString() : tr("Link goes to: %1").arg(url.toString()));
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(from);
    layout->addLayout(bar);
    layout->addWidget(m_browser, 1);
    layout->addWidget(m_hover);
    layout->addWidget(buttons);

    m_confirm = [this](const QUrl &url) {
        return QMessageBox::question(this, tr("Open link?"),
                                     tr("This link opens in your browser:\n\n%1\n\nOpen it?").arg(url.toString()))
            == QMessageBox::Yes;
    };
    m_open = [](const QUrl &url) { QDesktopServices::openUrl(url); };
    render();
}

void OriginalEmailDialog::loadRemoteImages()
{
    m_remoteAllowed = true;
    render();
}

void OriginalEmailDialog::activateLink(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    // The sanitiser already removed every other scheme; this is the second lock on the door.
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https") && scheme != QLatin1String("mailto"))
        return;
    if (m_confirm && m_confirm(url) && m_open)
        m_open(url);
}

void OriginalEmailDialog::render()
{
    Compose::HtmlSanitizer::Options options;
    options.allowRemoteImages = m_remoteAllowed;
    const Compose::SanitizedHtml clean = Compose::HtmlSanitizer::sanitize(m_email.html, options);
    m_browser->setRemoteAllowed(m_remoteAllowed);
    m_browser->setHtml(clean.html);
    QStringList notes;
    if (clean.blockedImages > 0)
        notes.append(clean.blockedImages == 1 ? tr("1 remote image not loaded")
                                              : tr("%1 remote images not loaded").arg(clean.blockedImages));
    if (clean.trackers > 0)
        notes.append(clean.trackers == 1 ? tr("1 tracking pixel blocked")
                                         : tr("%1 tracking pixels blocked").arg(clean.trackers));
    if (clean.removedElements > 0)
        notes.append(clean.removedElements == 1 ? tr("1 unsafe element removed")
                                                : tr("%1 unsafe elements removed").arg(clean.removedElements));
    if (!clean.blockedHosts.isEmpty())
        notes.append(tr("from %1").arg(clean.blockedHosts.join(QStringLiteral(", "))));
    int suspicious = 0;
    for (const auto &link : clean.links)
        suspicious += link.mismatch ? 1 : 0;
    if (suspicious > 0)
        notes.append(suspicious == 1 ? tr("1 link goes somewhere other than its text says")
                                     : tr("%1 links go somewhere other than their text says").arg(suspicious));
    m_blocked->setText(notes.isEmpty() ? tr("Nothing was blocked in this email.") : notes.join(QStringLiteral(" · ")));
    m_loadImages->setVisible(clean.blockedImages > 0 && !m_remoteAllowed);
}

} // namespace Counterpart::Ui
