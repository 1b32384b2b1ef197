#!/usr/bin/env bash
# Refreshes translations/counterpart_en.ts: the English plural forms of every tr("... %n ...")
# string ("%n change(s)" reads "1 change" / "2 changes"). Run after adding or changing such a
# string, then commit the .ts file; the build compiles it into the program.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=/usr/lib/qt6/bin/lupdate
"$lupdate" -pluralonly -no-obsolete -locations none -source-language en -target-language en \
    app ui -ts translations/counterpart_en.ts
python3 - translations/counterpart_en.ts <<'PY'
import re, sys, xml.etree.ElementTree as ET
path = sys.argv[1]
tree = ET.parse(path)
for message in tree.iter('message'):
    if message.get('numerus') != 'yes':
        continue
    source = message.find('source').text
    one = re.sub(r'\((e?s)\)', '', source)
    many = re.sub(r'\((e?s)\)', r'\1', source)
    translation = message.find('translation')
    translation.attrib.pop('type', None)
    forms = translation.findall('numerusform')
    forms[0].text, forms[1].text = one, many
tree.write(path, encoding='utf-8', xml_declaration=True)
PY
