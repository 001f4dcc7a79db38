/**
 * Search across shows, segments (deal codes), products (SKU), brands, creators, campaigns and content. Opens
 * from the header's "Search" button, Ctrl/Cmd+K (anywhere) and "/" (when not typing in a field). Arrow keys move
 * through the grouped results, Enter opens the place of the highlighted one (search.repo.ts routes). The index
 * is built from the workspace each time the palette opens.
 */
import { Button, Group, Kbd, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useHotkeys, useOs } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { db } from '../../db/db';
import { buildSearchIndex, searchEntries, searchKinds, type SearchEntry } from './search.repo';

export function SearchPalette() {
  const { t } = useTranslation('search');
  const navigate = useNavigate();
  const os = useOs();
  const mac = os === 'macos' || os === 'ios';
  const [opened, setOpened] = useState(false);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState<SearchEntry[]>();
  const [active, setActive] = useState(0);

  useHotkeys([['mod+K', () => setOpened(true)]], []);
  useHotkeys([['/', () => setOpened(true)]]);

  useEffect(() => {
    if (!opened) return;
    let live = true;
    void buildSearchIndex(db).then((entries) => live && setIndex(entries));
    return () => {
      live = false;
    };
  }, [opened]);

  const groups = useMemo(() => searchEntries(index ?? [], query), [index, query]);
  const flat = useMemo(() => searchKinds.flatMap((kind) => groups[kind]), [groups]);

  const close = () => {
    setOpened(false);
    setQuery('');
    setActive(0);
    setIndex(undefined);
  };
  const go = (entry: SearchEntry | undefined) => {
    if (!entry) return;
    close();
    void navigate(entry.route);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => (flat.length === 0 ? 0 : (i + 1) % flat.length));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (flat.length === 0 ? 0 : (i - 1 + flat.length) % flat.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(flat[active]);
    }
  };
  const optionId = (entry: SearchEntry) => `search-${entry.kind}-${entry.id}`;
  const activeEntry = flat[active];
  const shortcut = mac ? '⌘ K' : 'Ctrl K';

  return (
    <>
      <Button
        variant="default"
        leftSection={<IconSearch size={16} />}
        rightSection={<Kbd size="xs">{shortcut}</Kbd>}
        aria-label={t('open')}
        aria-keyshortcuts={mac ? 'Meta+K' : 'Control+K'}
        onClick={() => setOpened(true)}
      >
        {t('open')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('title')} size="lg" yOffset="10vh" closeButtonProps={{ 'aria-label': t('close') }}>
        <Stack gap="sm">
          <TextInput
            data-autofocus
            aria-label={t('inputLabel')}
            placeholder={t('placeholder')}
            leftSection={<IconSearch size={16} />}
            value={query}
            onChange={(e) => {
              setQuery(e.currentTarget.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            role="combobox"
            aria-expanded={flat.length > 0}
            aria-controls="search-results"
            aria-autocomplete="list"
            {...(activeEntry ? { 'aria-activedescendant': optionId(activeEntry) } : {})}
          />
          <div id="search-results" role="listbox" aria-label={t('results')}>
            {searchKinds.map((kind) =>
              groups[kind].length > 0 ? (
                <div key={kind} role="group" aria-label={t(`groups.${kind}`)}>
                  <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="xs" mb={4} aria-hidden>
                    {t(`groups.${kind}`)}
                  </Text>
                  {groups[kind].map((entry) => {
                    const selected = entry === activeEntry;
                    return (
                      <UnstyledButton
                        key={entry.id}
                        id={optionId(entry)}
                        role="option"
                        aria-selected={selected}
                        tabIndex={-1}
                        onMouseEnter={() => setActive(flat.indexOf(entry))}
                        onClick={() => go(entry)}
                        w="100%"
                        px="sm"
                        py={6}
                        style={{ borderRadius: 6, background: selected ? 'var(--mantine-color-default-hover)' : undefined }}
                      >
                        <Text size="sm" fw={500} lineClamp={1}>
                          {entry.title}
                        </Text>
                        {entry.subtitle ? (
                          <Text size="xs" c="dimmed" lineClamp={1}>
                            {entry.subtitle}
                          </Text>
                        ) : null}
                      </UnstyledButton>
                    );
                  })}
                </div>
              ) : null,
            )}
          </div>
          {query.trim() !== '' && index && flat.length === 0 ? (
            <Text size="sm" c="dimmed" role="status">
              {t('noResults', { query: query.trim() })}
            </Text>
          ) : null}
          {index === undefined ? (
            <Text size="sm" c="dimmed" role="status">
              {t('loading')}
            </Text>
          ) : null}
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              {t('hint')}
            </Text>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
