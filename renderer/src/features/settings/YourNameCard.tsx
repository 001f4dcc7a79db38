/** Settings → Your name: the display name recorded with content status changes (settings row `userName`). */
import { Button, Card, Group, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { setUserName, useUserName } from '../content/content.hooks';

function NameForm({ saved }: { saved: string }) {
  const { t } = useTranslation('content');
  const [name, setName] = useState(saved);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await setUserName(name);
    notifications.show({ color: 'green', message: t('yourName.saved') });
  };
  return (
    <form noValidate onSubmit={submit}>
      <Group align="flex-end">
        <TextInput label={t('yourName.label')} value={name} onChange={(e) => setName(e.currentTarget.value)} style={{ flex: 1 }} />
        <Button type="submit" variant="light">
          {t('yourName.save')}
        </Button>
      </Group>
    </form>
  );
}

export function YourNameCard() {
  const { t } = useTranslation('content');
  const saved = useUserName();
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="sm">
        {t('yourName.title')}
      </Title>
      {saved !== undefined ? <NameForm key={saved} saved={saved} /> : null}
      <Text size="xs" c="dimmed" mt="xs">
        {t('yourName.hint')}
      </Text>
    </Card>
  );
}
